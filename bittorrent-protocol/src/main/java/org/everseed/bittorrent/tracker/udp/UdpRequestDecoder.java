package org.everseed.bittorrent.tracker.udp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.TrackerRequestException;

/**
 * Decodes UDP tracker requests (BEP 15), strictly. Stateless and thread-safe.
 *
 * <p>Connect: exactly 16 bytes with connection id {@link UdpTrackerProtocol#PROTOCOL_ID}. Announce: 98
 * bytes; bytes after them are BEP 41 options, ignored. {@code downloaded}, {@code left} and
 * {@code uploaded} must not be negative, {@code event} is 0..3, {@code port} 1..65535; {@code num_want}
 * -1 (or any negative) means the tracker's default and values above
 * {@link org.everseed.bittorrent.tracker.http.AnnounceRequestParser#MAX_NUMWANT} are lowered to it.
 * Scrape: 16 bytes plus 1 to {@link UdpTrackerProtocol#MAX_SCRAPE_HASHES} info_hashes of 20 bytes (more
 * do not fit in {@link UdpTrackerProtocol#MAX_PACKET_LENGTH}).
 */
public final class UdpRequestDecoder {
    private UdpRequestDecoder() {
    }

    /**
     * Decodes {@code packet[0, length)}.
     *
     * @throws TrackerRequestException with the byte offset of the problem and a reason fit for an error
     *     packet: too short or too long for its action, an unknown action, a bad field
     */
    public static UdpRequest decode(byte[] packet, int length) {
        if (length > UdpTrackerProtocol.MAX_PACKET_LENGTH || length > packet.length) {
            throw new TrackerRequestException("packet longer than " + UdpTrackerProtocol.MAX_PACKET_LENGTH
                    + " bytes", Math.min(length, UdpTrackerProtocol.MAX_PACKET_LENGTH));
        }
        UdpHeader header = UdpHeader.read(packet, length);
        return switch (header.action()) {
            case UdpTrackerProtocol.ACTION_CONNECT -> connect(header, length);
            case UdpTrackerProtocol.ACTION_ANNOUNCE -> announce(header, packet, length);
            case UdpTrackerProtocol.ACTION_SCRAPE -> scrape(header, packet, length);
            default -> throw new TrackerRequestException("unknown action " + header.action(), 8);
        };
    }

    private static UdpRequest connect(UdpHeader header, int length) {
        if (header.connectionId() != UdpTrackerProtocol.PROTOCOL_ID) {
            throw new TrackerRequestException("connect without the protocol id", 0);
        }
        if (length != UdpTrackerProtocol.HEADER_LENGTH) {
            throw new TrackerRequestException("connect request must be 16 bytes, got " + length,
                    UdpTrackerProtocol.HEADER_LENGTH);
        }
        return new UdpRequest.Connect(header.transactionId());
    }

    private static UdpRequest announce(UdpHeader header, byte[] p, int length) {
        UdpAnnounceFields.validate(p, length);
        InfoHash infoHash = InfoHash.of(Arrays.copyOfRange(p, 16, 36));
        PeerId peerId = PeerId.of(Arrays.copyOfRange(p, 36, 56));
        // 84: IP address, ignored: the peer's address is the packet's source
        String key = HexFormat.of().formatHex(p, 88, 92);
        return new UdpRequest.Announce(header.connectionId(), header.transactionId(), new AnnounceRequest(infoHash,
                peerId, UdpAnnounceFields.port(p), UdpAnnounceFields.uploaded(p), UdpAnnounceFields.downloaded(p),
                UdpAnnounceFields.left(p), UdpAnnounceFields.event(p), UdpAnnounceFields.numWant(p), true, true,
                Optional.of(key), Optional.empty()));
    }

    private static UdpRequest scrape(UdpHeader header, byte[] p, int length) {
        int body = length - UdpTrackerProtocol.HEADER_LENGTH;
        if (body == 0) {
            throw new TrackerRequestException("scrape names no info_hash", UdpTrackerProtocol.HEADER_LENGTH);
        }
        if (body % UdpTrackerProtocol.SCRAPE_HASH_LENGTH != 0) {
            throw new TrackerRequestException("scrape info_hashes are 20 bytes each, got " + body + " bytes",
                    length - body % UdpTrackerProtocol.SCRAPE_HASH_LENGTH);
        }
        // at most 74: MAX_PACKET_LENGTH (1500) leaves room for (1500 - 16) / 20 hashes
        int count = body / UdpTrackerProtocol.SCRAPE_HASH_LENGTH;
        List<InfoHash> hashes = new ArrayList<>(count);
        for (int at = UdpTrackerProtocol.HEADER_LENGTH; at < length; at += UdpTrackerProtocol.SCRAPE_HASH_LENGTH) {
            hashes.add(InfoHash.of(Arrays.copyOfRange(p, at, at + UdpTrackerProtocol.SCRAPE_HASH_LENGTH)));
        }
        return new UdpRequest.Scrape(header.connectionId(), header.transactionId(), hashes);
    }
}
