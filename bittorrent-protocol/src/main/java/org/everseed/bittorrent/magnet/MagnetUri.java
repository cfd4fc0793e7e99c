package org.everseed.bittorrent.magnet;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;

/**
 * A BitTorrent magnet URI (BEP 9): {@code magnet:?xt=urn:btih:<40 hex>&dn=<name>&tr=<tracker>...&ws=<web seed>...},
 * with the v2 exact topic {@code xt=urn:btmh:1220<64 hex>} of BEP 52 (a SHA-256 multihash). At least one of
 * the v1 and v2 info_hash is present. Immutable; {@link #toString()} builds the URI.
 *
 * @param v1 the v1 info_hash ({@code urn:btih}), if any
 * @param v2 the v2 info_hash ({@code urn:btmh}), if any
 * @param displayName {@code dn}, the suggested name, if any
 * @param trackers {@code tr} tracker URLs, in order
 * @param webSeeds {@code ws} web seed URLs (BEP 19), in order
 */
public record MagnetUri(
        Optional<InfoHash> v1,
        Optional<InfoHashV2> v2,
        Optional<String> displayName,
        List<String> trackers,
        List<String> webSeeds) {
    /** Longest URI accepted by {@link #parse}: 16 KiB of characters. */
    public static final int MAX_URI_LENGTH = 16 * 1024;
    /** Most {@code tr} plus {@code ws} parameters accepted by {@link #parse}. */
    public static final int MAX_URLS = 256;
    private static final String PREFIX = "magnet:?";
    private static final String BTIH = "urn:btih:";
    private static final String BTMH = "urn:btmh:";
    /** Multihash prefix of a SHA-256 digest: code 0x12, length 0x20. */
    private static final String SHA256_MULTIHASH = "1220";

    /** Requires an info_hash and copies the lists. */
    public MagnetUri {
        if (v1.isEmpty() && v2.isEmpty()) {
            throw new IllegalArgumentException("a magnet URI needs a v1 or v2 info_hash");
        }
        trackers = List.copyOf(trackers);
        webSeeds = List.copyOf(webSeeds);
    }

    /** A v1 magnet URI. */
    public static MagnetUri of(InfoHash infoHash, String displayName, List<String> trackers, List<String> webSeeds) {
        return new MagnetUri(Optional.of(infoHash), Optional.empty(), Optional.ofNullable(displayName), trackers,
                webSeeds);
    }

    /** The 20-byte info_hash that identifies the swarm: the v1 one, else the truncated v2 one (BEP 52). */
    public InfoHash infoHash() {
        return v1.orElseGet(() -> v2.orElseThrow().truncated());
    }

    /**
     * Parses a magnet URI strictly: the {@code magnet:?} prefix (scheme in any case), {@code key=value}
     * parameters split by {@code &}, RFC 3986 escapes, at most one {@code btih} and one {@code btmh}, at most
     * one {@code dn}. Unknown parameters are skipped, as BEP 9 clients do.
     *
     * @throws MagnetException with the character index of the problem
     */
    public static MagnetUri parse(String uri) {
        if (uri.length() > MAX_URI_LENGTH) {
            throw new MagnetException("magnet URI longer than " + MAX_URI_LENGTH + " characters", MAX_URI_LENGTH);
        }
        if (!uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new MagnetException("not a magnet URI: expected 'magnet:?'", 0);
        }
        Optional<InfoHash> v1 = Optional.empty();
        Optional<InfoHashV2> v2 = Optional.empty();
        Optional<String> dn = Optional.empty();
        List<String> tr = new ArrayList<>();
        List<String> ws = new ArrayList<>();
        int pos = PREFIX.length();
        while (pos < uri.length()) {
            int amp = uri.indexOf('&', pos);
            int end = amp < 0 ? uri.length() : amp;
            int eq = uri.indexOf('=', pos);
            if (eq < 0 || eq > end || eq == pos) {
                throw new MagnetException("parameter without 'key='", pos);
            }
            String key = uri.substring(pos, eq);
            String value = PercentCoding.decode(uri, eq + 1, end);
            switch (key) {
                case "xt" -> {
                    String lower = value.toLowerCase(Locale.ROOT);
                    if (lower.startsWith(BTIH)) {
                        if (v1.isPresent()) {
                            throw new MagnetException("more than one urn:btih", pos);
                        }
                        v1 = Optional.of(btih(value.substring(BTIH.length()), eq + 1 + BTIH.length()));
                    } else if (lower.startsWith(BTMH)) {
                        if (v2.isPresent()) {
                            throw new MagnetException("more than one urn:btmh", pos);
                        }
                        v2 = Optional.of(btmh(lower.substring(BTMH.length()), eq + 1 + BTMH.length()));
                    }
                }
                case "dn" -> {
                    if (dn.isPresent()) {
                        throw new MagnetException("more than one dn", pos);
                    }
                    dn = Optional.of(value);
                }
                case "tr" -> tr.add(value);
                case "ws" -> ws.add(value);
                default -> {
                    // BEP 9: parameters a client does not know are ignored.
                }
            }
            if (tr.size() + ws.size() > MAX_URLS) {
                throw new MagnetException("more than " + MAX_URLS + " tracker and web seed URLs", pos);
            }
            pos = end + 1;
        }
        if (v1.isEmpty() && v2.isEmpty()) {
            throw new MagnetException("no xt=urn:btih or xt=urn:btmh", uri.length());
        }
        return new MagnetUri(v1, v2, dn, tr, ws);
    }

    /** BEP 9: 40 hex digits, or 32 base32 characters (RFC 4648). */
    private static InfoHash btih(String hash, int index) {
        if (hash.length() == 40) {
            try {
                return InfoHash.of(HexFormat.of().parseHex(hash));
            } catch (IllegalArgumentException e) {
                throw new MagnetException("urn:btih is not 40 hex digits", index);
            }
        }
        if (hash.length() == 32) {
            return InfoHash.of(Base32.decode(hash, index));
        }
        throw new MagnetException("urn:btih must be 40 hex or 32 base32 characters, got " + hash.length(), index);
    }

    /** BEP 52: the multihash {@code 1220} + 64 hex digits of the SHA-256 info_hash. */
    private static InfoHashV2 btmh(String hash, int index) {
        if (!hash.startsWith(SHA256_MULTIHASH) || hash.length() != 4 + 64) {
            throw new MagnetException("urn:btmh must be '1220' and 64 hex digits", index);
        }
        try {
            return InfoHashV2.of(HexFormat.of().parseHex(hash.substring(4)));
        } catch (IllegalArgumentException e) {
            throw new MagnetException("urn:btmh is not hex", index);
        }
    }

    /** The URI: {@code xt} (btih then btmh), {@code dn}, every {@code tr}, every {@code ws}, percent-encoded. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(PREFIX);
        String sep = "";
        if (v1.isPresent()) {
            b.append("xt=").append(BTIH).append(v1.get().hex());
            sep = "&";
        }
        if (v2.isPresent()) {
            b.append(sep).append("xt=").append(BTMH).append(SHA256_MULTIHASH).append(v2.get().hex());
        }
        displayName.ifPresent(n -> b.append("&dn=").append(PercentCoding.encode(n)));
        trackers.forEach(t -> b.append("&tr=").append(PercentCoding.encode(t)));
        webSeeds.forEach(w -> b.append("&ws=").append(PercentCoding.encode(w)));
        return b.toString();
    }
}
