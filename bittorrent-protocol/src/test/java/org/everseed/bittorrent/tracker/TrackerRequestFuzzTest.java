package org.everseed.bittorrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.everseed.bittorrent.tracker.http.AnnounceRequestParser;
import org.everseed.bittorrent.tracker.http.ScrapeRequestParser;
import org.everseed.bittorrent.tracker.udp.UdpRequest;
import org.everseed.bittorrent.tracker.udp.UdpRequestDecoder;

/**
 * Fuzzes the tracker's request parsers (jqwik): whatever arrives, the HTTP announce and scrape parsers
 * and the UDP request decoder either return a request or throw {@link TrackerRequestException} with an
 * offset inside the input; never another exception, never a hang.
 */
class TrackerRequestFuzzTest {
    private static final String QUERY_ALPHABET = "abcdefinfo_hashpeer_idportleftnumwanteventcompact=&%0123456789ABCDEFZ+#é \u0000";
    /** A valid BEP 15 announce, mutated below. */
    private static final byte[] ANNOUNCE = HexFormat.of().parseHex("1122334455667788" + "00000001" + "0a0b0c0d"
            + "d8e8fca2dc0f896fd7cb4cb0031ba249d8e8fca2" + "2d5452323934302d6b38686a3077676a36636868"
            + "0000000000000200" + "00000000000003e8" + "0000000000000100" + "00000002" + "00000000"
            + "cafebabe" + "ffffffff" + "1ae1");

    @Property(tries = 3000)
    void httpAnnounceQueriesParseOrFailWithAnOffset(@ForAll("queries") String query) {
        try {
            assertThat(AnnounceRequestParser.parse(query)).isNotNull();
        } catch (TrackerRequestException e) {
            assertThat(e.offset()).isBetween(0, query.length());
            assertThat(e.reason()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void httpScrapeQueriesParseOrFailWithAnOffset(@ForAll("queries") String query) {
        try {
            assertThat(ScrapeRequestParser.parse(query)).isNotNull();
        } catch (TrackerRequestException e) {
            assertThat(e.offset()).isBetween(0, query.length());
        }
    }

    @Property(tries = 3000)
    void arbitraryUdpPacketsDecodeOrFailWithAnOffset(@ForAll @Size(max = 1600) byte[] packet) {
        decodeOrFail(packet);
    }

    @Property(tries = 3000)
    void mutatedUdpAnnouncesDecodeOrFailWithAnOffset(@ForAll @Size(min = 1, max = 8) int[] positions,
                                                     @ForAll byte value, @ForAll("lengths") int length) {
        byte[] packet = java.util.Arrays.copyOf(ANNOUNCE, length);
        for (int p : positions) {
            packet[Math.floorMod(p, length)] = value;
        }
        UdpRequest r = decodeOrFail(packet);
        if (r instanceof UdpRequest.Announce a) {
            assertThat(a.announce().port()).isBetween(1, 65535);
            assertThat(a.announce().left()).isNotNegative();
        }
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.strings().withChars(QUERY_ALPHABET.toCharArray()).ofMaxLength(300)
                .injectDuplicates(0.1)
                .edgeCases(c -> c.add("info_hash=%"));
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(1, ANNOUNCE.length + 40);
    }

    private static UdpRequest decodeOrFail(byte[] packet) {
        try {
            return UdpRequestDecoder.decode(packet, packet.length);
        } catch (TrackerRequestException e) {
            assertThat(e.offset()).isBetween(0, packet.length);
            assertThat(e.reason()).isNotBlank();
            return null;
        }
    }
}
