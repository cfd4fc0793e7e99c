package org.everseed.bittorrent.tracker.http;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.TrackerRequestException;

/**
 * Parses the raw query string of an HTTP announce (BEP 3) into an {@link AnnounceRequest}, strictly and
 * within named limits. Stateless and thread-safe.
 *
 * <p>Required: {@code info_hash} and {@code peer_id} (20 bytes each, percent-decoded to bytes),
 * {@code port} (1..65535), {@code left}. Optional: {@code uploaded} and {@code downloaded} (default 0),
 * {@code event} (started, completed, stopped, empty; {@code paused} of BEP 21 counts as none),
 * {@code numwant} (capped at {@link #MAX_NUMWANT}), {@code compact} (0 or 1, default 1: BEP 23 lets a
 * tracker answer compact anyway), {@code no_peer_id} (0 or 1), {@code key} and {@code trackerid}
 * (opaque bytes, at most {@link #MAX_KEY_LENGTH}: aria2 sends a binary key; each byte becomes one
 * ISO-8859-1 character, a lossless mapping). Other parameters are ignored, {@code ip}
 * included: the peer's address comes from the connection. A known parameter given twice is an error.
 */
public final class AnnounceRequestParser {
    /** Longest raw query accepted, in characters (a typical announce takes about 300). */
    public static final int MAX_QUERY_LENGTH = 2048;
    /** Longest {@code key} or {@code trackerid}, in bytes. */
    public static final int MAX_KEY_LENGTH = 100;
    /** Largest {@code numwant} honoured; a larger (but well-formed) value is lowered to it. */
    public static final int MAX_NUMWANT = 1000;
    /** Most digits in a number parameter: enough for any signed 64-bit value. */
    public static final int MAX_NUMBER_DIGITS = 19;

    private AnnounceRequestParser() {
    }

    /**
     * Parses {@code rawQuery}: the query as received, without the {@code ?}, escapes not yet decoded.
     *
     * @throws TrackerRequestException with the offset in {@code rawQuery} and a reason fit for a
     *     {@code failure reason}, if a parameter is missing, malformed, repeated or out of range, or the
     *     query is longer than {@link #MAX_QUERY_LENGTH}
     */
    public static AnnounceRequest parse(CharSequence rawQuery) {
        List<QueryParameter> params = QueryString.parse(rawQuery, MAX_QUERY_LENGTH);
        Fields f = new Fields();
        Set<String> seen = new HashSet<>();
        for (QueryParameter p : params) {
            if (Fields.KNOWN.contains(p.name()) && !seen.add(p.name())) {
                throw new TrackerRequestException("duplicate parameter " + p.name(), p.offset());
            }
            f.accept(p);
        }
        int end = rawQuery.length();
        if (f.infoHash == null) {
            throw new TrackerRequestException("missing info_hash", end);
        }
        if (f.peerId == null) {
            throw new TrackerRequestException("missing peer_id", end);
        }
        if (f.port < 0) {
            throw new TrackerRequestException("missing port", end);
        }
        if (f.left < 0) {
            throw new TrackerRequestException("missing left", end);
        }
        return new AnnounceRequest(f.infoHash, f.peerId, f.port, f.uploaded, f.downloaded, f.left, f.event,
                f.numWant, f.compact, f.noPeerId, f.key, f.trackerId);
    }

    /** The values found so far. */
    private static final class Fields {
        static final Set<String> KNOWN = Set.of("info_hash", "peer_id", "port", "uploaded", "downloaded", "left",
                "event", "numwant", "compact", "no_peer_id", "key", "trackerid");
        InfoHash infoHash;
        PeerId peerId;
        int port = -1;
        long uploaded;
        long downloaded;
        long left = -1;
        AnnounceEvent event = AnnounceEvent.NONE;
        int numWant = AnnounceRequest.NUMWANT_DEFAULT;
        boolean compact = true;
        boolean noPeerId;
        Optional<String> key = Optional.empty();
        Optional<String> trackerId = Optional.empty();

        void accept(QueryParameter p) {
            switch (p.name()) {
                case "info_hash" -> infoHash = InfoHash.of(exactly(p, InfoHash.LENGTH));
                case "peer_id" -> peerId = PeerId.of(exactly(p, PeerId.LENGTH));
                case "port" -> port = port(p);
                case "uploaded" -> uploaded = number(p);
                case "downloaded" -> downloaded = number(p);
                case "left" -> left = number(p);
                case "event" -> event = AnnounceEvent.fromWireName(ascii(p)).orElseThrow(
                        () -> new TrackerRequestException("unknown event " + ascii(p), p.valueOffset()));
                case "numwant" -> numWant = (int) Math.min(number(p), MAX_NUMWANT);
                case "compact" -> compact = flag(p);
                case "no_peer_id" -> noPeerId = flag(p);
                case "key" -> key = Optional.of(token(p));
                case "trackerid" -> trackerId = Optional.of(token(p));
                default -> {
                    // BEP 3 lets clients send more (ip, supportcrypto, corrupt, ...); none changes the answer.
                }
            }
        }
    }

    private static byte[] exactly(QueryParameter p, int length) {
        if (p.value().length != length) {
            throw new TrackerRequestException(p.name() + " must be " + length + " bytes, got " + p.value().length,
                    p.valueOffset());
        }
        return p.value();
    }

    private static int port(QueryParameter p) {
        long port = number(p);
        if (port < 1 || port > 0xffff) {
            throw new TrackerRequestException("port must be 1..65535", p.valueOffset());
        }
        return (int) port;
    }

    static long number(QueryParameter p) {
        byte[] v = p.value();
        if (v.length == 0 || v.length > MAX_NUMBER_DIGITS) {
            throw new TrackerRequestException(p.name() + " must be a number of 1 to " + MAX_NUMBER_DIGITS + " digits",
                    p.valueOffset());
        }
        long n = 0;
        for (byte b : v) {
            if (b < '0' || b > '9') {
                throw new TrackerRequestException(p.name() + " must be a non-negative decimal number", p.valueOffset());
            }
            n = n * 10 + (b - '0');
            if (n < 0) {
                throw new TrackerRequestException(p.name() + " is beyond 64 bits", p.valueOffset());
            }
        }
        return n;
    }

    private static boolean flag(QueryParameter p) {
        String v = ascii(p);
        return switch (v) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new TrackerRequestException(p.name() + " must be 0 or 1", p.valueOffset());
        };
    }

    private static String token(QueryParameter p) {
        byte[] v = p.value();
        if (v.length > MAX_KEY_LENGTH) {
            throw new TrackerRequestException(p.name() + " longer than " + MAX_KEY_LENGTH + " bytes", p.valueOffset());
        }
        return new String(v, StandardCharsets.ISO_8859_1);
    }

    private static String ascii(QueryParameter p) {
        return new String(p.value(), StandardCharsets.ISO_8859_1);
    }
}
