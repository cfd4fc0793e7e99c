package org.everseed.bittorrent.metainfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.bencode.BencodeDecoder;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeException;
import org.everseed.bittorrent.bencode.BencodeList;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;
import org.everseed.bittorrent.bencode.Span;

/**
 * Strict, bounded parser of .torrent files: v1 (BEP 3, with BEP 12 {@code announce-list}, BEP 19
 * {@code url-list}, BEP 27 {@code private}, BEP 47 pad files), v2 and hybrid (BEP 52: {@code file tree},
 * {@code meta version} 2, {@code piece layers} checked against each file's {@code pieces root}).
 *
 * <p>The input must be canonical bencode with no trailing bytes (see {@link BencodeDecoder}) and stay within
 * {@link MetainfoLimits}. The info dictionary's bytes are kept exactly as received and the info_hash is their
 * SHA-1 (v1 info_hash) and SHA-256 (v2 info_hash), so unknown keys inside {@code info} survive and the hash matches every other client's. Rejected, with
 * the offset of the offending value: a missing or mistyped field, a non-positive or oversized piece length, a
 * {@code pieces} string whose length is not 20 × ceil(total length / piece length), negative or overflowing
 * lengths, both or neither of {@code length} and {@code files}, empty or unsafe path components
 * ({@code ..}, separators), names that are not UTF-8, a {@code private} flag other than 0 or 1.
 * Stateless and thread-safe.
 */
public final class MetainfoParser {

    private MetainfoParser() {
    }

    /**
     * Parses {@code torrent} with the {@link MetainfoLimits#DEFAULT default limits}.
     *
     * @throws MetainfoException if the bytes are not a valid v1 .torrent within the limits
     */
    public static Metainfo parse(byte[] torrent) {
        return parse(torrent, MetainfoLimits.DEFAULT);
    }

    /**
     * Parses {@code torrent} within {@code limits}.
     *
     * @throws MetainfoException if the bytes are not a valid v1 .torrent within the limits
     */
    public static Metainfo parse(byte[] torrent, MetainfoLimits limits) {
        if (torrent.length > limits.maxMetainfoBytes()) {
            throw new MetainfoException("metainfo of " + torrent.length + " bytes is larger than the limit of "
                    + limits.maxMetainfoBytes(), limits.maxMetainfoBytes());
        }
        BencodeValue root;
        try {
            root = BencodeDecoder.decode(torrent);
        } catch (BencodeException e) {
            throw MetainfoException.of(e);
        }
        if (!(root instanceof BencodeDictionary rootDict)) {
            throw new MetainfoException("metainfo must be a dictionary", 0);
        }
        Fields top = new Fields(rootDict, "metainfo", 0);
        BencodeDictionary infoDict = top.dictionary("info");
        Span infoSpan = rootDict.spanOf("info").orElseThrow();
        byte[] infoBytes = java.util.Arrays.copyOfRange(torrent, infoSpan.start(), infoSpan.end());
        InfoDictionary info = InfoParser.parse(new Fields(infoDict, "info", infoSpan.start()), limits);
        PieceLayers layers = PieceLayers.EMPTY;
        if (info.format().hasV2()) {
            layers = PieceLayersParser.parse(top, info);
        } else if (top.has("piece layers")) {
            throw top.error("'piece layers' in a v1 torrent", "piece layers");
        }
        return Metainfo.of(info, infoBytes, layers,
                top.optionalText("announce"),
                announceList(top, limits),
                urlList(top, limits),
                creationDate(top),
                top.optionalText("comment"),
                top.optionalText("created by"));
    }

    /** BEP 12: a list of tiers, each a list of URL strings; empty tiers are dropped. */
    private static List<List<String>> announceList(Fields top, MetainfoLimits limits) {
        if (!top.has("announce-list")) {
            return List.of();
        }
        List<List<String>> tiers = new ArrayList<>();
        int count = 0;
        for (BencodeValue tierValue : top.list("announce-list").values()) {
            if (!(tierValue instanceof BencodeList tier)) {
                throw top.error("each 'announce-list' tier must be a list", "announce-list");
            }
            List<String> urls = new ArrayList<>();
            for (BencodeValue url : tier.values()) {
                if (!(url instanceof BencodeString s)) {
                    throw top.error("'announce-list' URLs must be strings", "announce-list");
                }
                if (++count > limits.maxTrackers()) {
                    throw top.error("more than " + limits.maxTrackers() + " trackers", "announce-list");
                }
                urls.add(top.utf8(s, "announce-list"));
            }
            if (!urls.isEmpty()) {
                tiers.add(urls);
            }
        }
        return tiers;
    }

    /** BEP 19: one URL string or a list of them. */
    private static List<String> urlList(Fields top, MetainfoLimits limits) {
        Optional<BencodeValue> value = top.optional("url-list");
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof BencodeString s) {
            String url = top.utf8(s, "url-list");
            return url.isEmpty() ? List.of() : List.of(url);
        }
        if (!(value.get() instanceof BencodeList list)) {
            throw top.error("'url-list' must be a string or a list of strings", "url-list");
        }
        if (list.size() > limits.maxWebSeeds()) {
            throw top.error("more than " + limits.maxWebSeeds() + " web seeds", "url-list");
        }
        List<String> urls = new ArrayList<>();
        for (BencodeValue url : list.values()) {
            if (!(url instanceof BencodeString s)) {
                throw top.error("'url-list' entries must be strings", "url-list");
            }
            urls.add(top.utf8(s, "url-list"));
        }
        return urls;
    }

    /** {@code creation date}: seconds since the Unix epoch (BEP 3 extension used by every client). */
    private static Optional<Instant> creationDate(Fields top) {
        if (!top.has("creation date")) {
            return Optional.empty();
        }
        long seconds = top.integer("creation date");
        if (seconds < 0) {
            throw top.error("'creation date' must not be negative", "creation date");
        }
        return Optional.of(Instant.ofEpochSecond(seconds));
    }
}
