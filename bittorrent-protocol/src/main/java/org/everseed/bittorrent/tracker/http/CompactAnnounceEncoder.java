package org.everseed.bittorrent.tracker.http;

import java.nio.charset.StandardCharsets;
import org.everseed.bittorrent.tracker.CompactPeers;
import org.everseed.bittorrent.tracker.PeerAddress;

/**
 * The announce answer of the hot path, written straight into a caller's {@code byte[]}: no
 * {@link org.everseed.bittorrent.tracker.AnnounceResponse}, no peer list, no bencode model. The bytes
 * are exactly those of {@link AnnounceResponseEncoder#encode} for a response with {@code interval},
 * {@code min interval}, {@code complete}, {@code incomplete} and compact peers (BEP 23, IPv6 peers in
 * {@code peers6}, BEP 7), keys in canonical order:
 * {@code d8:completei<c>e10:incompletei<i>e8:intervali<n>e12:min intervali<m>e5:peers<len>:<bytes>[6:peers6<len>:<bytes>]e}.
 * Stateless and thread-safe.
 */
public final class CompactAnnounceEncoder {
    /** Bytes of everything but the peer bytes, at most: keys, four 11-byte integers, two lengths. */
    private static final int FIXED_MAX = 128;
    private static final byte[] COMPLETE = ascii("d8:completei");
    private static final byte[] INCOMPLETE = ascii("e10:incompletei");
    private static final byte[] INTERVAL = ascii("e8:intervali");
    private static final byte[] MIN_INTERVAL = ascii("e12:min intervali");
    private static final byte[] PEERS = ascii("e5:peers");
    private static final byte[] PEERS6 = ascii("6:peers6");

    private CompactAnnounceEncoder() {
    }

    /** The most bytes {@link #encode} writes for {@code peerCount} peers of any family. */
    public static int maxLength(int peerCount) {
        return FIXED_MAX + peerCount * PeerAddress.COMPACT_IPV6_LENGTH;
    }

    /**
     * Writes the answer into {@code out} from offset 0.
     *
     * @param interval {@code interval}, seconds, not negative
     * @param minInterval {@code min interval}, seconds, not negative
     * @param complete seeders
     * @param incomplete leechers
     * @param peers the peers handed out in {@code peers[0, count)}: IPv4 ones into {@code peers}, IPv6 ones
     *     into {@code peers6} (only present when there is one), each family in the given order
     * @return the number of bytes written
     * @throws ArrayIndexOutOfBoundsException if {@code out} is shorter than {@link #maxLength(int)} of
     *     {@code count} (a shorter array may do when the numbers are small)
     */
    public static int encode(byte[] out, int interval, int minInterval, int complete, int incomplete,
                             PeerAddress[] peers, int count) {
        return encode(out, interval, minInterval, complete, incomplete, CompactPeers.of(peers, count));
    }

    /**
     * As {@link #encode(byte[], int, int, int, int, PeerAddress[], int)}, with the peers writing themselves
     * ({@link CompactPeers}): IPv4 ones into {@code peers}, IPv6 ones into {@code peers6} (only present
     * when there is one). The same bytes for the same peers.
     *
     * @return the number of bytes written
     * @throws ArrayIndexOutOfBoundsException if {@code out} is shorter than {@link #maxLength(int)} of the
     *     peer count
     */
    public static int encode(byte[] out, int interval, int minInterval, int complete, int incomplete,
                             CompactPeers peers) {
        int v4 = peers.count(false);
        int v6 = peers.count(true);
        int at = put(out, 0, COMPLETE);
        at = putDecimal(out, at, complete);
        at = put(out, at, INCOMPLETE);
        at = putDecimal(out, at, incomplete);
        at = put(out, at, INTERVAL);
        at = putDecimal(out, at, interval);
        at = put(out, at, MIN_INTERVAL);
        at = putDecimal(out, at, minInterval);
        at = put(out, at, PEERS);
        at = putDecimal(out, at, v4 * PeerAddress.COMPACT_IPV4_LENGTH);
        out[at++] = ':';
        at = peers.writeCompact(out, at, false);
        if (v6 > 0) {
            at = put(out, at, PEERS6);
            at = putDecimal(out, at, v6 * PeerAddress.COMPACT_IPV6_LENGTH);
            out[at++] = ':';
            at = peers.writeCompact(out, at, true);
        }
        out[at++] = 'e';
        return at;
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    /** Writes {@code v} in decimal as bencode does (a minus sign, no leading zeros). */
    private static int putDecimal(byte[] out, int at, long v) {
        if (v < 0) {
            out[at++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + digits;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
