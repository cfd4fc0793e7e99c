package org.everseed.bittorrent.tracker.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.IpText;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.ScrapeRequest;
import org.everseed.bittorrent.tracker.ScrapeResponse;
import org.everseed.bittorrent.tracker.ScrapeStats;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.junit.jupiter.api.Test;

class TrackerHttpCorrectDataTest {
    // The info_hash 123456789abcdef123456789abcdef123456789a as the BitTorrent wiki escapes it: bytes that
    // happen to be unreserved ASCII ('4', 'V', 'x', '#', 'E', 'g') are sent as themselves.
    static final String WIKI_HASH = "%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A";
    static final InfoHash HASH = InfoHash.fromHex("123456789abcdef123456789abcdef123456789a");
    static final PeerId PEER = PeerId.of("-TR2940-k8hj0wgej6ch".getBytes(US_ASCII));

    static String query(String extra) {
        return "info_hash=" + WIKI_HASH + "&peer_id=-TR2940-k8hj0wgej6ch&port=51413&uploaded=0&downloaded=0&left=1000"
                + extra;
    }

    @Test
    void aRealClientQueryIsParsedWithBinaryInfoHash() {
        AnnounceRequest r = AnnounceRequestParser.parse(
                query("&numwant=80&key=6f4c2e&compact=1&supportcrypto=1&event=started"));
        assertThat(r.infoHash()).isEqualTo(HASH);
        assertThat(r.peerId()).isEqualTo(PEER);
        assertThat(r.port()).isEqualTo(51413);
        assertThat(r.left()).isEqualTo(1000);
        assertThat(r.event()).isEqualTo(AnnounceEvent.STARTED);
        assertThat(r.numWant()).isEqualTo(80);
        assertThat(r.key()).contains("6f4c2e");
        assertThat(r.compact()).isTrue();
        assertThat(r.isSeeder()).isFalse();
    }

    @Test
    void aria2sBinaryKeyIsKeptByteForByteAndEncodedBack() {
        // aria2 1.36 sends 8 random bytes as key (seen in its announces).
        AnnounceRequest r = AnnounceRequestParser.parse(query("&key=%07H%BE%CD%22%9E%D2%AD"));
        assertThat(r.key()).hasValueSatisfying(k -> assertThat(k.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .containsExactly(0x07, 'H', 0xBE, 0xCD, 0x22, 0x9E, 0xD2, 0xAD));
        assertThat(AnnounceQueryEncoder.encode(r)).contains("key=%07H%BE%CD%22%9E%D2%AD");
    }

    @Test
    void defaultsApplyWhenOptionalParametersAreAbsent() {
        AnnounceRequest r = AnnounceRequestParser.parse(
                "info_hash=" + WIKI_HASH + "&peer_id=-TR2940-k8hj0wgej6ch&port=1&left=0");
        assertThat(r.uploaded()).isZero();
        assertThat(r.event()).isEqualTo(AnnounceEvent.NONE);
        assertThat(r.numWant()).isEqualTo(AnnounceRequest.NUMWANT_DEFAULT);
        assertThat(r.compact()).isTrue();
        assertThat(r.isSeeder()).isTrue();
        assertThat(r.key()).isEmpty();
    }

    @Test
    void everyByteValueSurvivesTheQueryRoundTrip() {
        byte[] all = new byte[20];
        for (int i = 0; i < 20; i++) {
            all[i] = (byte) (0xff - i * 13);
        }
        AnnounceRequest sent = new AnnounceRequest(InfoHash.of(all), PeerId.of(all), 6881, 5, 6, 7,
                AnnounceEvent.COMPLETED, 30, false, true, Optional.of("k3y"), Optional.of("tid"));
        String q = AnnounceQueryEncoder.encode(sent);
        assertThat(q).matches("[A-Za-z0-9%&=_.~-]+");
        assertThat(AnnounceRequestParser.parse(q)).isEqualTo(sent);
    }

    @Test
    void numwantAboveTheCapIsLowered() {
        assertThat(AnnounceRequestParser.parse(query("&numwant=50000")).numWant())
                .isEqualTo(AnnounceRequestParser.MAX_NUMWANT);
    }

    @Test
    void pausedAndEmptyEventsAreRegularAnnounces() {
        assertThat(AnnounceRequestParser.parse(query("&event=paused")).event()).isEqualTo(AnnounceEvent.NONE);
        assertThat(AnnounceRequestParser.parse(query("&event=")).event()).isEqualTo(AnnounceEvent.NONE);
    }

    @Test
    void urlAppendsToAnExistingQuery() {
        AnnounceRequest r = AnnounceRequest.of(HASH, PEER, 6881, 0, 0, 0, AnnounceEvent.NONE);
        assertThat(AnnounceQueryEncoder.url("http://t/announce?passkey=x", r))
                .startsWith("http://t/announce?passkey=x&info_hash=%124Vx%9A");
        assertThat(AnnounceQueryEncoder.url("http://t/announce", r)).startsWith("http://t/announce?info_hash=");
    }

    @Test
    void compactResponseMatchesTheBep23Vector() {
        AnnounceResponse response = AnnounceResponse.of(1800, 60, 1, 2, List.of(
                Peer.of(PeerAddress.of(new byte[] {10, 0, 0, 1}, 6881), PEER)));
        byte[] body = AnnounceResponseEncoder.encode(response, PeerListForm.COMPACT);
        // 6 bytes: 10.0.0.1 then port 6881 = 0x1AE1, big-endian
        String expected = "d8:completei1e10:incompletei2e8:intervali1800e12:min intervali60e5:peers6:"
                + "\n\u0000\u0000\u0001\u001a\u00e1e";
        assertThat(new String(body, ISO_8859_1)).isEqualTo(expected);
        AnnounceResponse back = AnnounceResponseDecoder.decode(body);
        assertThat(back.peers()).containsExactly(Peer.of(PeerAddress.of(new byte[] {10, 0, 0, 1}, 6881)));
        assertThat(back.interval()).isEqualTo(1800);
        assertThat(back.minInterval()).hasValue(60);
        assertThat(back.complete()).hasValue(1);
        assertThat(back.incomplete()).hasValue(2);
    }

    @Test
    void compactEncoderWritesTheGenericEncodersBytes() {
        byte[] v6 = IpText.parse("2001:db8::1").orElseThrow();
        PeerAddress[] mixed = {PeerAddress.of(new byte[] {10, 0, 0, 1}, 6881), PeerAddress.of(v6, 443),
                PeerAddress.of(new byte[] {(byte) 192, (byte) 168, 1, 2}, 65535), PeerAddress.of(v6, 1)};
        int[][] numbers = {{1800, 60, 1, 2}, {0, 0, 0, 0}, {Integer.MAX_VALUE, 9, 1_000_000, 10}, {960, 60, -1, 7}};
        for (int count = 0; count <= mixed.length; count++) {
            for (int[] n : numbers) {
                List<Peer> peers = java.util.Arrays.stream(mixed, 0, count).map(Peer::of).toList();
                byte[] expected = AnnounceResponseEncoder.encode(
                        AnnounceResponse.of(n[0], n[1], n[2], n[3], peers), PeerListForm.COMPACT);
                byte[] out = new byte[CompactAnnounceEncoder.maxLength(count)];
                int length = CompactAnnounceEncoder.encode(out, n[0], n[1], n[2], n[3], mixed, count);
                assertThat(java.util.Arrays.copyOf(out, length)).as("%d peers, %s", count, n).isEqualTo(expected);
            }
        }
    }

    @Test
    void compactEncoderOnlyIpv6PeersLeavesPeersEmpty() {
        PeerAddress[] peers = {PeerAddress.of(IpText.parse("::1").orElseThrow(), 6881)};
        byte[] out = new byte[CompactAnnounceEncoder.maxLength(1)];
        int length = CompactAnnounceEncoder.encode(out, 900, 60, 0, 1, peers, 1);
        assertThat(new String(out, 0, length, ISO_8859_1)).startsWith("d8:completei0e10:incompletei1e8:intervali900e"
                + "12:min intervali60e5:peers0:6:peers618:");
    }

    @Test
    void ipv6PeersGoInPeers6() {
        byte[] v6 = IpText.parse("2001:db8::1").orElseThrow();
        AnnounceResponse response = AnnounceResponse.of(900, 60, 0, 2, List.of(
                Peer.of(PeerAddress.of(v6, 443)), Peer.of(PeerAddress.of(new byte[] {127, 0, 0, 1}, 80))));
        byte[] body = AnnounceResponseEncoder.encode(response, PeerListForm.COMPACT);
        assertThat(new String(body, ISO_8859_1)).contains("5:peers6:").contains("6:peers618:");
        assertThat(AnnounceResponseDecoder.decode(body).peers()).containsExactlyInAnyOrderElementsOf(response.peers());
    }

    @Test
    void dictionaryPeersKeepTheirPeerIdUnlessNoPeerId() {
        byte[] v6 = IpText.parse("::1").orElseThrow();
        AnnounceResponse response = AnnounceResponse.of(900, 60, 1, 0, List.of(
                Peer.of(PeerAddress.of(new byte[] {(byte) 192, (byte) 168, 1, 2}, 6881), PEER),
                Peer.of(PeerAddress.of(v6, 6882), PEER)));
        AnnounceResponse withIds = AnnounceResponseDecoder.decode(
                AnnounceResponseEncoder.encode(response, PeerListForm.DICTIONARY));
        assertThat(withIds.peers()).isEqualTo(response.peers());
        byte[] noIds = AnnounceResponseEncoder.encode(response, PeerListForm.DICTIONARY_WITHOUT_PEER_ID);
        assertThat(new String(noIds, ISO_8859_1)).contains("2:ip11:192.168.1.2").doesNotContain("peer id");
        assertThat(AnnounceResponseDecoder.decode(noIds).peers()).allMatch(p -> p.peerId().isEmpty());
    }

    @Test
    void hostNamePeersAreSkipped() {
        byte[] body = "d8:intervali60e5:peersld2:ip9:peer.test4:porti1eed2:ip3:::14:porti2eeee".getBytes(US_ASCII);
        assertThat(AnnounceResponseDecoder.decode(body).peers())
                .containsExactly(Peer.of(PeerAddress.of(IpText.parse("::1").orElseThrow(), 2)));
    }

    @Test
    void warningAndTrackerIdAreCarried() {
        AnnounceResponse r = AnnounceResponse.of(60, 30, 0, 0, List.of()).withWarning("slow down");
        AnnounceResponse back = AnnounceResponseDecoder.decode(AnnounceResponseEncoder.encode(r, PeerListForm.COMPACT));
        assertThat(back.warningMessage()).contains("slow down");
        assertThat(back.peers()).isEmpty();
    }

    @Test
    void failureReasonBecomesTypedException() {
        byte[] body = AnnounceResponseEncoder.failure("unregistered torrent");
        assertThat(new String(body, US_ASCII)).isEqualTo("d14:failure reason20:unregistered torrente");
        TrackerFailureException e = catchThrowableOfType(TrackerFailureException.class,
                () -> AnnounceResponseDecoder.decode(body));
        assertThat(e.failureReason()).isEqualTo("unregistered torrent");
        assertThat(catchThrowableOfType(TrackerFailureException.class, () -> ScrapeResponseDecoder.decode(body))
                .failureReason()).isEqualTo("unregistered torrent");
    }

    @Test
    void multiHashScrapeRoundTrips() {
        InfoHash other = InfoHash.fromHex("ff".repeat(20));
        ScrapeRequest request = ScrapeRequestParser.parse("info_hash=" + WIKI_HASH + "&info_hash=" + "%FF".repeat(20)
                + "&info_hash=" + WIKI_HASH);
        assertThat(request.infoHashes()).containsExactly(HASH, other);
        assertThat(ScrapeRequestParser.parse(ScrapeQueryEncoder.encode(request))).isEqualTo(request);

        ScrapeResponse response = new ScrapeResponse(Map.of(HASH, new ScrapeStats(1, 7, 2)));
        byte[] body = ScrapeResponseEncoder.encode(response);
        assertThat(new String(body, ISO_8859_1)).isEqualTo("d5:filesd20:"
                + new String(HexFormat.of().parseHex(HASH.hex()), ISO_8859_1)
                + "d8:completei1e10:downloadedi7e10:incompletei2eeee");
        assertThat(ScrapeResponseDecoder.decode(body)).isEqualTo(response);
    }

    @Test
    void scrapeUrlFollowsTheConvention() {
        assertThat(ScrapeQueryEncoder.scrapeUrl("http://t:8080/announce")).contains("http://t:8080/scrape");
        assertThat(ScrapeQueryEncoder.scrapeUrl("http://t/x/announce.php?k=1")).contains("http://t/x/scrape.php?k=1");
        assertThat(ScrapeQueryEncoder.scrapeUrl("http://t/a")).isEmpty();
    }

    @Test
    void ipTextParsesAndFormatsLiterals() {
        assertThat(IpText.format(IpText.parse("1.2.3.4").orElseThrow())).isEqualTo("1.2.3.4");
        assertThat(IpText.format(IpText.parse("2001:DB8::ff00:42").orElseThrow())).isEqualTo("2001:db8:0:0:0:0:ff00:42");
        assertThat(IpText.parse("::").orElseThrow()).isEqualTo(new byte[16]);
        assertThat(IpText.parse("1.2.3.256")).isEmpty();
        assertThat(IpText.parse("01.2.3.4")).isEmpty();
        assertThat(IpText.parse("1::2::3")).isEmpty();
        assertThat(IpText.parse("1:2:3:4:5:6:7:8:9")).isEmpty();
        assertThat(IpText.parse("example.org")).isEmpty();
    }
}
