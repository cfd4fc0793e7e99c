package org.everseed.bittorrent.tracker.udp;

import java.util.List;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.tracker.AnnounceRequest;

/**
 * Encodes a client's UDP tracker requests (BEP 15). The announce's {@code IP address} field is 0 (the
 * tracker uses the source address). Stateless and thread-safe.
 */
public final class UdpRequestEncoder {
    private UdpRequestEncoder() {
    }

    /** A connect request: the protocol id, action 0, {@code transactionId}; 16 bytes. */
    public static byte[] connect(int transactionId) {
        byte[] out = new byte[UdpTrackerProtocol.HEADER_LENGTH];
        header(out, UdpTrackerProtocol.PROTOCOL_ID, UdpTrackerProtocol.ACTION_CONNECT, transactionId);
        return out;
    }

    /**
     * An announce request of 98 bytes. {@code numwant} {@link AnnounceRequest#NUMWANT_DEFAULT} is sent
     * as -1.
     *
     * @param key the client's {@code key}
     */
    public static byte[] announce(long connectionId, int transactionId, AnnounceRequest request, int key) {
        byte[] out = new byte[UdpTrackerProtocol.ANNOUNCE_LENGTH];
        header(out, connectionId, UdpTrackerProtocol.ACTION_ANNOUNCE, transactionId);
        System.arraycopy(request.infoHash().bytes(), 0, out, 16, 20);
        System.arraycopy(request.peerId().bytes(), 0, out, 36, 20);
        Bytes.putInt64(out, 56, request.downloaded());
        Bytes.putInt64(out, 64, request.left());
        Bytes.putInt64(out, 72, request.uploaded());
        Bytes.putInt32(out, 80, request.event().udpCode());
        Bytes.putInt32(out, 88, key);
        Bytes.putInt32(out, 92, request.numWant());
        Bytes.putInt16(out, 96, request.port());
        return out;
    }

    /**
     * A scrape request for {@code infoHashes}, in order.
     *
     * @throws IllegalArgumentException for none or more than {@link UdpTrackerProtocol#MAX_SCRAPE_HASHES}
     */
    public static byte[] scrape(long connectionId, int transactionId, List<InfoHash> infoHashes) {
        if (infoHashes.isEmpty() || infoHashes.size() > UdpTrackerProtocol.MAX_SCRAPE_HASHES) {
            throw new IllegalArgumentException("a UDP scrape names 1 to " + UdpTrackerProtocol.MAX_SCRAPE_HASHES
                    + " info_hashes, got " + infoHashes.size());
        }
        byte[] out = new byte[UdpTrackerProtocol.HEADER_LENGTH + infoHashes.size() * UdpTrackerProtocol.SCRAPE_HASH_LENGTH];
        header(out, connectionId, UdpTrackerProtocol.ACTION_SCRAPE, transactionId);
        int at = UdpTrackerProtocol.HEADER_LENGTH;
        for (InfoHash h : infoHashes) {
            System.arraycopy(h.bytes(), 0, out, at, UdpTrackerProtocol.SCRAPE_HASH_LENGTH);
            at += UdpTrackerProtocol.SCRAPE_HASH_LENGTH;
        }
        return out;
    }

    private static void header(byte[] out, long connectionId, int action, int transactionId) {
        Bytes.putInt64(out, 0, connectionId);
        Bytes.putInt32(out, 8, action);
        Bytes.putInt32(out, 12, transactionId);
    }
}
