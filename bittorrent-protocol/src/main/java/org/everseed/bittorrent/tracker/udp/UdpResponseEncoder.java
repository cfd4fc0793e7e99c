package org.everseed.bittorrent.tracker.udp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.CompactPeers;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.ScrapeStats;

/**
 * Encodes a tracker's UDP answers (BEP 15). Counts above {@link Integer#MAX_VALUE} are written as
 * {@link Integer#MAX_VALUE} (the wire has signed 32 bits). Stateless and thread-safe.
 */
public final class UdpResponseEncoder {
    private UdpResponseEncoder() {
    }

    /** A connect response: action 0, {@code transactionId}, {@code connectionId}; 16 bytes. */
    public static byte[] connect(int transactionId, long connectionId) {
        byte[] out = header(UdpTrackerProtocol.ACTION_CONNECT, transactionId, 16);
        Bytes.putInt64(out, 8, connectionId);
        return out;
    }

    /**
     * An announce response: action 1, transaction id, {@code interval}, leechers, seeders, then the peers
     * of one address family in compact form: IPv4 (6 bytes each) when {@code ipv6} is false, IPv6 (18
     * bytes each, BEP 15 "IPv6") when true; peers of the other family are left out.
     */
    public static byte[] announce(int transactionId, AnnounceResponse response, boolean ipv6) {
        int entry = ipv6 ? PeerAddress.COMPACT_IPV6_LENGTH : PeerAddress.COMPACT_IPV4_LENGTH;
        List<Peer> peers = response.peers();
        byte[] out = header(UdpTrackerProtocol.ACTION_ANNOUNCE, transactionId, 20 + peers.size() * entry);
        Bytes.putInt32(out, 8, response.interval());
        Bytes.putInt32(out, 12, response.incomplete().orElse(0));
        Bytes.putInt32(out, 16, response.complete().orElse(0));
        int at = 20;
        for (Peer p : peers) {
            if (p.address().isIpv6() == ipv6) {
                p.address().writeCompact(out, at);
                at += entry;
            }
        }
        return at == out.length ? out : Arrays.copyOf(out, at);
    }

    /**
     * As {@link #announce}, without a response model: writes the answer into {@code out} from offset 0,
     * with the peers of {@code peers[0, count)} of the requester's family (others are left out).
     *
     * @param interval seconds
     * @param leechers leechers in the swarm
     * @param seeders seeders in the swarm
     * @return the number of bytes written: 20 plus 6 or 18 per peer of the family
     * @throws ArrayIndexOutOfBoundsException if {@code out} is shorter than 20 + 18 x {@code count}
     */
    public static int announce(byte[] out, int transactionId, int interval, int leechers, int seeders,
                               PeerAddress[] peers, int count, boolean ipv6) {
        return announce(out, transactionId, interval, leechers, seeders, CompactPeers.of(peers, count), ipv6);
    }

    /**
     * As {@link #announce(byte[], int, int, int, int, PeerAddress[], int, boolean)}, with the peers
     * writing themselves ({@link CompactPeers}): the same bytes for the same peers, only those of the
     * requester's family.
     *
     * @return the number of bytes written: 20 plus 6 or 18 per peer of the family
     * @throws ArrayIndexOutOfBoundsException if {@code out} is too short
     */
    public static int announce(byte[] out, int transactionId, int interval, int leechers, int seeders,
                               CompactPeers peers, boolean ipv6) {
        Bytes.putInt32(out, 0, UdpTrackerProtocol.ACTION_ANNOUNCE);
        Bytes.putInt32(out, 4, transactionId);
        Bytes.putInt32(out, 8, interval);
        Bytes.putInt32(out, 12, leechers);
        Bytes.putInt32(out, 16, seeders);
        return peers.writeCompact(out, 20, ipv6);
    }

    /** A scrape response: action 2, transaction id, then seeders, completed, leechers per swarm. */
    public static byte[] scrape(int transactionId, List<ScrapeStats> stats) {
        byte[] out = header(UdpTrackerProtocol.ACTION_SCRAPE, transactionId,
                8 + stats.size() * UdpTrackerProtocol.SCRAPE_ENTRY_LENGTH);
        int at = 8;
        for (ScrapeStats s : stats) {
            Bytes.putInt32(out, at, s.complete());
            Bytes.putInt32(out, at + 4, (int) Math.min(s.downloaded(), Integer.MAX_VALUE));
            Bytes.putInt32(out, at + 8, s.incomplete());
            at += UdpTrackerProtocol.SCRAPE_ENTRY_LENGTH;
        }
        return out;
    }

    /**
     * An error response: action 3, transaction id, the message in UTF-8, cut at
     * {@link UdpTrackerProtocol#MAX_ERROR_MESSAGE_LENGTH} bytes.
     */
    public static byte[] error(int transactionId, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(text.length, UdpTrackerProtocol.MAX_ERROR_MESSAGE_LENGTH);
        byte[] out = header(UdpTrackerProtocol.ACTION_ERROR, transactionId, 8 + n);
        System.arraycopy(text, 0, out, 8, n);
        return out;
    }

    private static byte[] header(int action, int transactionId, int length) {
        byte[] out = new byte[length];
        Bytes.putInt32(out, 0, action);
        Bytes.putInt32(out, 4, transactionId);
        return out;
    }
}
