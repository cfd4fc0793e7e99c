package org.everseed.bittorrent.tracker.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.everseed.bittorrent.bencode.BencodeList;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.IpText;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.TrackerResponseException;

/**
 * Decodes an HTTP announce response body (BEP 3) for a client. Peers may come compact ({@code peers}
 * as 6-byte entries, BEP 23; {@code peers6} as 18-byte entries, BEP 7) or as a list of dictionaries
 * ({@code ip}, {@code port}, optional {@code peer id}); dictionary peers whose {@code ip} is a host name
 * rather than an address literal are skipped (this library does no name lookups). Stateless and
 * thread-safe.
 */
public final class AnnounceResponseDecoder {
    private AnnounceResponseDecoder() {
    }

    /**
     * Decodes {@code body}.
     *
     * @throws TrackerFailureException if the tracker sent a {@code failure reason}
     * @throws TrackerResponseException with the byte offset, if the body is not bencode, lacks
     *     {@code interval}, has a mistyped field, or a compact peer string of the wrong length
     */
    public static AnnounceResponse decode(byte[] body) {
        ResponseFields f = ResponseFields.top(body);
        int interval = f.intValue("interval", f.integer("interval"));
        List<Peer> peers = new ArrayList<>();
        Optional<BencodeValue> v4 = f.get("peers");
        if (v4.isPresent()) {
            if (v4.get() instanceof BencodeList list) {
                dictionaryPeers(list, f.offsetOf("peers"), peers);
            } else {
                compactPeers(f.optionalString("peers").orElseThrow(), f.offsetOf("peers"), 4, peers);
            }
        }
        Optional<BencodeString> v6 = f.optionalString("peers6");
        v6.ifPresent(s -> compactPeers(s, f.offsetOf("peers6"), 16, peers));
        return new AnnounceResponse(interval,
                optionalInt(f, "min interval"), optionalInt(f, "complete"), optionalInt(f, "incomplete"),
                peers,
                f.optionalString("warning message").map(BencodeString::utf8),
                f.optionalString("tracker id").map(BencodeString::utf8));
    }

    private static OptionalInt optionalInt(ResponseFields f, String key) {
        Optional<Long> v = f.optionalInteger(key);
        return v.isPresent() ? OptionalInt.of(f.intValue(key, v.get())) : OptionalInt.empty();
    }

    private static void compactPeers(BencodeString s, int offset, int ipLength, List<Peer> out) {
        int entry = ipLength + 2;
        if (s.length() % entry != 0) {
            throw new TrackerResponseException("compact peer string of " + s.length()
                    + " bytes is not a multiple of " + entry, offset, null);
        }
        byte[] bytes = s.bytes();
        for (int at = 0; at < bytes.length; at += entry) {
            out.add(Peer.of(PeerAddress.readCompact(bytes, at, ipLength)));
        }
    }

    private static void dictionaryPeers(BencodeList list, int offset, List<Peer> out) {
        for (BencodeValue value : list.values()) {
            ResponseFields p = ResponseFields.nested(value, offset, "a peer");
            long port = p.integer("port");
            if (port > 0xffff) {
                throw new TrackerResponseException("peer port out of range", p.offsetOf("port"), null);
            }
            String ipText = p.optionalString("ip")
                    .orElseThrow(() -> new TrackerResponseException("peer without ip", offset, null)).utf8();
            Optional<byte[]> ip = IpText.parse(ipText);
            if (ip.isEmpty()) {
                continue;
            }
            Optional<BencodeString> id = p.optionalString("peer id");
            if (id.isPresent() && id.get().length() != PeerId.LENGTH) {
                throw new TrackerResponseException("peer id must be 20 bytes", p.offsetOf("peer id"), null);
            }
            out.add(new Peer(PeerAddress.of(ip.get(), (int) port), id.map(s -> PeerId.of(s.bytes()))));
        }
    }
}
