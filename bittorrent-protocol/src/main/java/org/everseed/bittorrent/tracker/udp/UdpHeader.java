package org.everseed.bittorrent.tracker.udp;

import org.everseed.bittorrent.tracker.TrackerRequestException;

/**
 * The first 16 bytes of every UDP tracker request (BEP 15), readable before the rest is validated, so
 * that a tracker can check the connection id before it answers anything.
 *
 * @param connectionId {@code connection_id}: {@link UdpTrackerProtocol#PROTOCOL_ID} for a connect, the id
 *     the tracker handed out otherwise
 * @param action {@code action}: 0 connect, 1 announce, 2 scrape (not validated here)
 * @param transactionId {@code transaction_id}: chosen by the client, echoed in the answer
 */
public record UdpHeader(long connectionId, int action, int transactionId) {

    /**
     * Reads the header of {@code packet[0, length)}.
     *
     * @throws TrackerRequestException at offset {@code length} if the packet is shorter than
     *     {@link UdpTrackerProtocol#HEADER_LENGTH}
     */
    public static UdpHeader read(byte[] packet, int length) {
        if (length < UdpTrackerProtocol.HEADER_LENGTH) {
            throw new TrackerRequestException("packet shorter than the 16-byte header", length);
        }
        return new UdpHeader(Bytes.int64(packet, 0), Bytes.int32(packet, 8), Bytes.int32(packet, 12));
    }

    /** Whether this is a connect request: action 0 with the protocol id. */
    public boolean isConnect() {
        return action == UdpTrackerProtocol.ACTION_CONNECT && connectionId == UdpTrackerProtocol.PROTOCOL_ID;
    }
}
