package org.everseed.bittorrent.tracker.udp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.ScrapeStats;
import org.everseed.bittorrent.tracker.TrackerResponseException;

/**
 * Decodes UDP tracker responses (BEP 15), as a client. Stateless and thread-safe.
 */
public final class UdpResponseDecoder {
    private UdpResponseDecoder() {
    }

    /**
     * Decodes {@code packet[0, length)}.
     *
     * @param ipv6 whether the request went over IPv6, so announce peers are 18 bytes instead of 6
     * @throws TrackerResponseException with the byte offset, if the packet is too short for its action,
     *     its peers or scrape entries do not divide evenly, a count is negative, or the action is unknown
     */
    public static UdpResponse decode(byte[] packet, int length, boolean ipv6) {
        if (length < 8) {
            throw new TrackerResponseException("response shorter than 8 bytes", length, null);
        }
        int action = Bytes.int32(packet, 0);
        int transactionId = Bytes.int32(packet, 4);
        return switch (action) {
            case UdpTrackerProtocol.ACTION_CONNECT -> {
                if (length != 16) {
                    throw new TrackerResponseException("connect response must be 16 bytes", Math.min(length, 16), null);
                }
                yield new UdpResponse.Connect(transactionId, Bytes.int64(packet, 8));
            }
            case UdpTrackerProtocol.ACTION_ANNOUNCE -> announce(packet, length, transactionId, ipv6);
            case UdpTrackerProtocol.ACTION_SCRAPE -> scrape(packet, length, transactionId);
            case UdpTrackerProtocol.ACTION_ERROR -> new UdpResponse.Error(transactionId,
                    new String(packet, 8, length - 8, StandardCharsets.UTF_8));
            default -> throw new TrackerResponseException("unknown action " + action, 0, null);
        };
    }

    private static UdpResponse announce(byte[] p, int length, int transactionId, boolean ipv6) {
        if (length < 20) {
            throw new TrackerResponseException("announce response shorter than 20 bytes", length, null);
        }
        int entry = ipv6 ? PeerAddress.COMPACT_IPV6_LENGTH : PeerAddress.COMPACT_IPV4_LENGTH;
        if ((length - 20) % entry != 0) {
            throw new TrackerResponseException("peers are " + entry + " bytes each", length - (length - 20) % entry, null);
        }
        int interval = count(p, 8);
        int leechers = count(p, 12);
        int seeders = count(p, 16);
        List<Peer> peers = new ArrayList<>((length - 20) / entry);
        for (int at = 20; at < length; at += entry) {
            peers.add(Peer.of(PeerAddress.readCompact(p, at, entry - 2)));
        }
        return new UdpResponse.Announce(transactionId, new AnnounceResponse(interval, OptionalInt.empty(),
                OptionalInt.of(seeders), OptionalInt.of(leechers), peers, Optional.empty(), Optional.empty()));
    }

    private static UdpResponse scrape(byte[] p, int length, int transactionId) {
        if ((length - 8) % UdpTrackerProtocol.SCRAPE_ENTRY_LENGTH != 0) {
            throw new TrackerResponseException("scrape entries are 12 bytes each",
                    length - (length - 8) % UdpTrackerProtocol.SCRAPE_ENTRY_LENGTH, null);
        }
        List<ScrapeStats> stats = new ArrayList<>();
        for (int at = 8; at < length; at += UdpTrackerProtocol.SCRAPE_ENTRY_LENGTH) {
            stats.add(new ScrapeStats(count(p, at), count(p, at + 4), count(p, at + 8)));
        }
        return new UdpResponse.Scrape(transactionId, stats);
    }

    private static int count(byte[] p, int at) {
        int v = Bytes.int32(p, at);
        if (v < 0) {
            throw new TrackerResponseException("negative count", at, null);
        }
        return v;
    }
}
