package org.everseed.bittorrent.tracker.udp;

import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.http.AnnounceRequestParser;

/**
 * A UDP announce request (BEP 15) read in place: {@link #validate} checks a received packet once, then
 * the accessors read its fields where they are, so a tracker's hot path builds no request, info_hash or
 * peer_id objects ({@link UdpRequestDecoder} builds them on top of the same checks). Offsets are BEP 15's:
 * connection id 0, action 8, transaction id 12, info_hash 16, peer_id 36, downloaded 56, left 64,
 * uploaded 72, event 80, IP address 84 (ignored), key 88, num_want 92, port 96; BEP 41 options may
 * follow the 98 bytes and are ignored. Stateless and thread-safe.
 */
public final class UdpAnnounceFields {
    /** Offset of the 20-byte info_hash. */
    public static final int INFO_HASH_OFFSET = 16;
    /** Offset of the 20-byte peer_id. */
    public static final int PEER_ID_OFFSET = 36;
    private static final int DOWNLOADED = 56;
    private static final int LEFT = 64;
    private static final int UPLOADED = 72;
    private static final int EVENT = 80;
    private static final int NUM_WANT = 92;
    private static final int PORT = 96;
    /** The events by UDP code (BEP 15: 0 none, 1 completed, 2 started, 3 stopped). */
    private static final AnnounceEvent[] EVENTS = new AnnounceEvent[4];

    static {
        for (AnnounceEvent e : AnnounceEvent.values()) {
            EVENTS[e.udpCode()] = e;
        }
    }

    private UdpAnnounceFields() {
    }

    /**
     * Checks that {@code packet[0, length)} is a well-formed announce (its action is not checked here):
     * at least 98 bytes and at most {@link UdpTrackerProtocol#MAX_PACKET_LENGTH}, {@code downloaded},
     * {@code left} and {@code uploaded} not negative, {@code event} 0..3, {@code port} 1..65535.
     *
     * @throws TrackerRequestException with the offset of the first bad field and a reason fit for an
     *     error packet
     */
    public static void validate(byte[] packet, int length) {
        if (length > UdpTrackerProtocol.MAX_PACKET_LENGTH || length > packet.length) {
            throw new TrackerRequestException("packet longer than " + UdpTrackerProtocol.MAX_PACKET_LENGTH
                    + " bytes", Math.min(length, UdpTrackerProtocol.MAX_PACKET_LENGTH));
        }
        if (length < UdpTrackerProtocol.ANNOUNCE_LENGTH) {
            throw new TrackerRequestException("announce request must be at least "
                    + UdpTrackerProtocol.ANNOUNCE_LENGTH + " bytes, got " + length, length);
        }
        nonNegative(packet, DOWNLOADED, "downloaded");
        nonNegative(packet, LEFT, "left");
        nonNegative(packet, UPLOADED, "uploaded");
        int eventCode = Bytes.int32(packet, EVENT);
        if (eventCode < 0 || eventCode >= EVENTS.length) {
            throw new TrackerRequestException("unknown event " + Integer.toUnsignedString(eventCode), EVENT);
        }
        if (port(packet) == 0) {
            throw new TrackerRequestException("port must be 1..65535", PORT);
        }
    }

    /** {@code downloaded}: bytes downloaded this session. */
    public static long downloaded(byte[] packet) {
        return Bytes.int64(packet, DOWNLOADED);
    }

    /** {@code left}: bytes still to download; 0 for a seeder. */
    public static long left(byte[] packet) {
        return Bytes.int64(packet, LEFT);
    }

    /** {@code uploaded}: bytes uploaded this session. */
    public static long uploaded(byte[] packet) {
        return Bytes.int64(packet, UPLOADED);
    }

    /** {@code event}, of a validated packet. */
    public static AnnounceEvent event(byte[] packet) {
        return EVENTS[Bytes.int32(packet, EVENT)];
    }

    /** {@code key}: the client's 32-bit session key. */
    public static int key(byte[] packet) {
        return Bytes.int32(packet, 88);
    }

    /**
     * {@code num_want}: {@link AnnounceRequest#NUMWANT_DEFAULT} for -1 (or any negative), otherwise at
     * most {@link AnnounceRequestParser#MAX_NUMWANT}.
     */
    public static int numWant(byte[] packet) {
        int n = Bytes.int32(packet, NUM_WANT);
        return n < 0 ? AnnounceRequest.NUMWANT_DEFAULT : Math.min(n, AnnounceRequestParser.MAX_NUMWANT);
    }

    /** {@code port}: the peer's TCP port, 0..65535 (1..65535 once validated). */
    public static int port(byte[] packet) {
        return Bytes.int16(packet, PORT);
    }

    private static void nonNegative(byte[] p, int at, String name) {
        if (Bytes.int64(p, at) < 0) {
            throw new TrackerRequestException(name + " must not be negative", at);
        }
    }
}
