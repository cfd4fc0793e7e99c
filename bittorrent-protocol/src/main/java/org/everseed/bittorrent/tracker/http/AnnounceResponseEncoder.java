package org.everseed.bittorrent.tracker.http;

import java.util.ArrayList;
import java.util.List;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeEncoder;
import org.everseed.bittorrent.bencode.BencodeList;
import org.everseed.bittorrent.bencode.BencodeValue;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;

/**
 * Encodes HTTP announce responses (BEP 3) as canonical bencode: {@code interval}, {@code min interval},
 * {@code complete}, {@code incomplete}, {@code warning message}, {@code tracker id} and the peers in the
 * requested {@link PeerListForm}. Compact IPv4 peers go in {@code peers} (BEP 23, always present) and
 * IPv6 peers in {@code peers6} (BEP 7, present when there are any). Stateless and thread-safe.
 */
public final class AnnounceResponseEncoder {
    private AnnounceResponseEncoder() {
    }

    /** The bencoded response body. */
    public static byte[] encode(AnnounceResponse response, PeerListForm form) {
        BencodeDictionary.Builder d = BencodeDictionary.builder().put("interval", response.interval());
        response.minInterval().ifPresent(v -> d.put("min interval", v));
        response.complete().ifPresent(v -> d.put("complete", v));
        response.incomplete().ifPresent(v -> d.put("incomplete", v));
        response.warningMessage().ifPresent(v -> d.put("warning message", v));
        response.trackerId().ifPresent(v -> d.put("tracker id", v));
        if (form == PeerListForm.COMPACT) {
            d.put("peers", compact(response.peers(), false));
            byte[] v6 = compact(response.peers(), true);
            if (v6.length > 0) {
                d.put("peers6", v6);
            }
        } else {
            d.put("peers", dictionaries(response.peers(), form == PeerListForm.DICTIONARY));
        }
        return BencodeEncoder.encode(d.build());
    }

    /** The body of a refusal: {@code d14:failure reason<len>:<reason>e} (BEP 3). */
    public static byte[] failure(String reason) {
        return BencodeEncoder.encode(BencodeDictionary.builder().put("failure reason", reason).build());
    }

    private static byte[] compact(List<Peer> peers, boolean ipv6) {
        int entry = ipv6 ? PeerAddress.COMPACT_IPV6_LENGTH : PeerAddress.COMPACT_IPV4_LENGTH;
        int count = 0;
        for (Peer p : peers) {
            count += p.address().isIpv6() == ipv6 ? 1 : 0;
        }
        byte[] out = new byte[count * entry];
        int at = 0;
        for (Peer p : peers) {
            if (p.address().isIpv6() == ipv6) {
                p.address().writeCompact(out, at);
                at += entry;
            }
        }
        return out;
    }

    private static BencodeList dictionaries(List<Peer> peers, boolean withPeerId) {
        List<BencodeValue> list = new ArrayList<>(peers.size());
        for (Peer p : peers) {
            BencodeDictionary.Builder d = BencodeDictionary.builder()
                    .put("ip", p.address().ipText())
                    .put("port", p.address().port());
            if (withPeerId) {
                p.peerId().ifPresent(id -> d.put("peer id", id.bytes()));
            }
            list.add(d.build());
        }
        return new BencodeList(list);
    }
}
