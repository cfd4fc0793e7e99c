package org.everseed.bittorrent.tracker.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.TrackerResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackerHttpInvalidDeclaredLengthTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        // 19 bytes where BEP 3 says 20
        "info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx&peer_id=-TR2940-k8hj0wgej6ch&port=1&left=0 | 10 | info_hash must be 20 bytes, got 19",
        // 21 bytes
        "port=1&info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A%00 | 17 | info_hash must be 20 bytes, got 21",
        "info_hash=&port=1                                               | 10 | info_hash must be 20 bytes, got 0",
        "peer_id=-TR2940-k8hj0wgej6c                                     | 8  | peer_id must be 20 bytes, got 19"
    })
    void identifiersOfTheWrongLengthAreRejected(String query, int offset, String reason) {
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> AnnounceRequestParser.parse(query));
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @Test
    void anOversizedQueryIsRejectedBeforeParsing() {
        String huge = "x=" + "a".repeat(AnnounceRequestParser.MAX_QUERY_LENGTH);
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> AnnounceRequestParser.parse(huge));
        assertThat(e.reason()).contains("query longer than");
        assertThat(e.offset()).isEqualTo(AnnounceRequestParser.MAX_QUERY_LENGTH);
    }

    @Test
    void anOverlongKeyIsRejected() {
        String q = TrackerHttpCorrectDataTest.query("&key=" + "k".repeat(AnnounceRequestParser.MAX_KEY_LENGTH + 1));
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> AnnounceRequestParser.parse(q));
        assertThat(e.reason()).contains("key longer than");
        assertThat(e.offset()).isEqualTo(q.indexOf("&key=") + 5);
    }

    @Test
    void tooManyScrapeHashesAreRejected() {
        String one = "info_hash=" + "%AB".repeat(20);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i <= ScrapeRequestParser.MAX_INFO_HASHES; i++) {
            q.append(i == 0 ? "" : "&").append(one.replace("%AB%AB", String.format("%%%02X%%AB", i)));
        }
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> ScrapeRequestParser.parse(q));
        assertThat(e.reason()).contains("more than 100");
        assertThat(e.offset()).isEqualTo(ScrapeRequestParser.MAX_INFO_HASHES * (one.length() + 1));
    }

    @Test
    void aShortScrapeHashIsRejected() {
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> ScrapeRequestParser.parse("info_hash=abc"));
        assertThat(e.reason()).isEqualTo("info_hash must be 20 bytes, got 3");
        assertThat(e.offset()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "d8:intervali60e5:peers7:abcdefge        | 22 | 7 bytes is not a multiple of 6",
        "d8:intervali60e6:peers617:abcdefghijklmnopqe | 23 | 17 bytes is not a multiple of 18",
        "d8:intervali60e5:peersld2:ip3:::17:peer id3:abc4:porti1eeee | 42 | peer id must be 20 bytes"
    })
    void peerEntriesOfTheWrongLengthAreRejected(String body, long offset, String reason) {
        TrackerResponseException e = catchThrowableOfType(TrackerResponseException.class,
                () -> AnnounceResponseDecoder.decode(body.getBytes(US_ASCII)));
        assertThat(e.reason()).contains(reason);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @Test
    void aScrapeKeyThatIsNotAnInfoHashIsRejected() {
        TrackerResponseException e = catchThrowableOfType(TrackerResponseException.class,
                () -> ScrapeResponseDecoder.decode("d5:filesd3:abcd8:completei1eeee".getBytes(US_ASCII)));
        assertThat(e.reason()).contains("20-byte info_hash, got 3 bytes");
        assertThat(e.offset()).isEqualTo(8);
    }
}
