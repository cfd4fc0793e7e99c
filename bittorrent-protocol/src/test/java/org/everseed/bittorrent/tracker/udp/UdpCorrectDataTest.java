package org.everseed.bittorrent.tracker.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.everseed.bittorrent.tracker.udp.UdpPackets.bytes;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.ScrapeStats;
import org.junit.jupiter.api.Test;

class UdpCorrectDataTest {

    @Test
    void connectRequestIsDecoded() {
        byte[] p = bytes(UdpPackets.CONNECT);
        assertThat(UdpHeader.read(p, p.length).isConnect()).isTrue();
        assertThat(UdpRequestDecoder.decode(p, p.length)).isEqualTo(new UdpRequest.Connect(0x01020304));
        assertThat(UdpRequestEncoder.connect(0x01020304)).isEqualTo(p);
    }

    @Test
    void announceRequestIsDecodedFieldByField() {
        byte[] p = bytes(UdpPackets.ANNOUNCE);
        UdpRequest.Announce a = (UdpRequest.Announce) UdpRequestDecoder.decode(p, p.length);
        assertThat(a.connectionId()).isEqualTo(0x1122334455667788L);
        assertThat(a.transactionId()).isEqualTo(0x0a0b0c0d);
        AnnounceRequest r = a.announce();
        assertThat(r.infoHash()).isEqualTo(InfoHash.fromHex(UdpPackets.INFO_HASH));
        assertThat(r.peerId()).isEqualTo(PeerId.of(bytes(UdpPackets.PEER_ID)));
        assertThat(r.downloaded()).isEqualTo(512);
        assertThat(r.left()).isEqualTo(1000);
        assertThat(r.uploaded()).isEqualTo(256);
        assertThat(r.event()).isEqualTo(AnnounceEvent.STARTED);
        assertThat(r.key()).contains("cafebabe");
        assertThat(r.numWant()).isEqualTo(AnnounceRequest.NUMWANT_DEFAULT);
        assertThat(r.port()).isEqualTo(6881);
        assertThat(UdpRequestEncoder.announce(0x1122334455667788L, 0x0a0b0c0d, r, 0xcafebabe)).isEqualTo(p);
    }

    @Test
    void announceFieldsAreReadInPlaceAsTheDecoderReadsThem() {
        byte[] p = bytes(UdpPackets.ANNOUNCE);
        UdpAnnounceFields.validate(p, p.length);
        AnnounceRequest r = ((UdpRequest.Announce) UdpRequestDecoder.decode(p, p.length)).announce();
        assertThat(java.util.Arrays.copyOfRange(p, UdpAnnounceFields.INFO_HASH_OFFSET,
                UdpAnnounceFields.INFO_HASH_OFFSET + 20)).isEqualTo(r.infoHash().bytes());
        assertThat(java.util.Arrays.copyOfRange(p, UdpAnnounceFields.PEER_ID_OFFSET,
                UdpAnnounceFields.PEER_ID_OFFSET + 20)).isEqualTo(r.peerId().bytes());
        assertThat(UdpAnnounceFields.downloaded(p)).isEqualTo(512);
        assertThat(UdpAnnounceFields.left(p)).isEqualTo(1000);
        assertThat(UdpAnnounceFields.uploaded(p)).isEqualTo(256);
        assertThat(UdpAnnounceFields.event(p)).isEqualTo(AnnounceEvent.STARTED);
        assertThat(UdpAnnounceFields.key(p)).isEqualTo(0xcafebabe);
        assertThat(UdpAnnounceFields.numWant(p)).isEqualTo(AnnounceRequest.NUMWANT_DEFAULT);
        assertThat(UdpAnnounceFields.port(p)).isEqualTo(6881);
        byte[] big = bytes(UdpPackets.ANNOUNCE.substring(0, 92 * 2) + "7fffffff" + "1ae1");
        assertThat(UdpAnnounceFields.numWant(big))
                .isEqualTo(org.everseed.bittorrent.tracker.http.AnnounceRequestParser.MAX_NUMWANT);
    }

    @Test
    void bep41OptionsAfterTheAnnounceAreIgnoredAndBigNumwantIsLowered() {
        byte[] p = bytes(UdpPackets.ANNOUNCE.substring(0, 92 * 2) + "7fffffff" + "1ae1" + "0205" + "2f616263");
        UdpRequest.Announce a = (UdpRequest.Announce) UdpRequestDecoder.decode(p, p.length);
        assertThat(a.announce().numWant()).isEqualTo(1000);
    }

    @Test
    void scrapeRequestKeepsOrderAndRepeats() {
        byte[] p = bytes(UdpPackets.SCRAPE + UdpPackets.INFO_HASH);
        UdpRequest.Scrape s = (UdpRequest.Scrape) UdpRequestDecoder.decode(p, p.length);
        InfoHash first = InfoHash.fromHex(UdpPackets.INFO_HASH);
        InfoHash zero = InfoHash.fromHex("00".repeat(20));
        assertThat(s.infoHashes()).containsExactly(first, zero, first);
        assertThat(UdpRequestEncoder.scrape(s.connectionId(), s.transactionId(), s.infoHashes())).isEqualTo(p);
    }

    @Test
    void inPlaceAnnounceAnswerEqualsTheModelEncoders() {
        PeerAddress[] peers = {PeerAddress.of(new byte[] {10, 0, 0, 1}, 6881),
                PeerAddress.of(bytes("20010db8000000000000000000000001"), 51413),
                PeerAddress.of(new byte[] {127, 0, 0, 1}, 1)};
        for (int count = 0; count <= peers.length; count++) {
            List<Peer> list = java.util.Arrays.stream(peers, 0, count).map(Peer::of).toList();
            AnnounceResponse r = AnnounceResponse.of(1800, 60, 3, Integer.MAX_VALUE, list);
            for (boolean ipv6 : new boolean[] {false, true}) {
                byte[] out = new byte[20 + 18 * count + 5];
                java.util.Arrays.fill(out, (byte) 0x55);
                int length = UdpResponseEncoder.announce(out, 0xcafebabe, 1800, Integer.MAX_VALUE, 3, peers, count, ipv6);
                assertThat(java.util.Arrays.copyOf(out, length)).as("%d peers, ipv6 %s", count, ipv6)
                        .isEqualTo(UdpResponseEncoder.announce(0xcafebabe, r, ipv6));
            }
        }
    }

    @Test
    void responsesRoundTripInBothAddressFamilies() {
        assertThat(HexFormat.of().formatHex(UdpResponseEncoder.connect(7, 0x0102030405060708L)))
                .isEqualTo("00000000" + "00000007" + "0102030405060708");
        Peer v4 = Peer.of(PeerAddress.of(new byte[] {10, 0, 0, 1}, 6881));
        Peer v6 = Peer.of(PeerAddress.of(bytes("20010db8000000000000000000000001"), 51413));
        AnnounceResponse r = AnnounceResponse.of(1800, 60, 3, 4, List.of(v4, v6));
        byte[] ipv4 = UdpResponseEncoder.announce(9, r, false);
        assertThat(HexFormat.of().formatHex(ipv4)).isEqualTo("00000001" + "00000009" + "00000708" // interval 1800
                + "00000004" + "00000003" + "0a000001" + "1ae1");                                  // leechers, seeders, peer
        UdpResponse.Announce back = (UdpResponse.Announce) UdpResponseDecoder.decode(ipv4, ipv4.length, false);
        assertThat(back.announce().peers()).containsExactly(v4);
        assertThat(back.announce().complete()).hasValue(3);
        assertThat(back.announce().incomplete()).hasValue(4);
        byte[] ipv6 = UdpResponseEncoder.announce(9, r, true);
        assertThat(ipv6).hasSize(20 + 18);
        assertThat(((UdpResponse.Announce) UdpResponseDecoder.decode(ipv6, ipv6.length, true)).announce().peers())
                .containsExactly(v6);

        byte[] scrape = UdpResponseEncoder.scrape(5, List.of(new ScrapeStats(1, 2, 3)));
        assertThat(HexFormat.of().formatHex(scrape)).isEqualTo("00000002" + "00000005" + "00000001" + "00000002" + "00000003");
        assertThat(UdpResponseDecoder.decode(scrape, scrape.length, false))
                .isEqualTo(new UdpResponse.Scrape(5, List.of(new ScrapeStats(1, 2, 3))));
        byte[] error = UdpResponseEncoder.error(6, "unregistered torrent");
        assertThat(UdpResponseDecoder.decode(error, error.length, false))
                .isEqualTo(new UdpResponse.Error(6, "unregistered torrent"));
        assertThat(UdpResponseEncoder.error(6, "x".repeat(1000))).hasSize(8 + UdpTrackerProtocol.MAX_ERROR_MESSAGE_LENGTH);
        assertThat(Optional.of(r)).isPresent();
    }
}
