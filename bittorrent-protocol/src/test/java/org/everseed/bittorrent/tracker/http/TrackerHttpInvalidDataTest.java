package org.everseed.bittorrent.tracker.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.TrackerResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackerHttpInvalidDataTest {
    /** Every required parameter but the port; offsets below count from its end. */
    static final String BASE = "info_hash=" + TrackerHttpCorrectDataTest.WIKI_HASH
            + "&peer_id=-TR2940-k8hj0wgej6ch&left=1000";

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "&port=0                       | 6  | port must be 1..65535",
        "&port=65536                   | 6  | port must be 1..65535",
        "&port=-1                      | 6  | non-negative decimal",
        "&port=6881x                   | 6  | non-negative decimal",
        "&port=1&event=begun           | 14 | unknown event",
        "&port=1&compact=yes           | 16 | compact must be 0 or 1",
        "&port=1&no_peer_id=2          | 19 | no_peer_id must be 0 or 1",
        "&port=1&numwant=-5            | 16 | non-negative decimal",
        "&port=1&numwant=99999999999999999999 | 16 | 1 to 19 digits",
        "&port=1&uploaded=9223372036854775808 | 17 | beyond 64 bits",
        "&port=1&left=5                | 8  | duplicate parameter left",
        "&port=1&x=a b                 | 11 | character 0x20 must be percent-encoded",
        "&port=1&x=%GG                 | 10 | percent escape is not two hex digits",
        "&port=1&x=é                   | 10 | character 0xe9 must be percent-encoded"
    })
    void malformedAnnounceParametersAreRejected(String extra, int offsetAfterBase, String reason) {
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> AnnounceRequestParser.parse(BASE + extra));
        assertThat(e.reason()).contains(reason);
        assertThat(e.offset()).isEqualTo(BASE.length() + offsetAfterBase);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "le                                  | 0  | not a dictionary",
        "d5:peers0:e                         | 0  | missing interval",
        "d8:intervali-1ee                    | 11 | interval is not a non-negative integer",
        "d8:interval2:60e                    | 11 | interval is not a non-negative integer",
        "d8:intervali60e5:peersi1ee          | 22 | peers is not a string",
        "d8:intervali60e5:peersld2:ip3:::1eee | 22 | missing port",
        "d8:intervali60e5:peersli1eee        | 22 | a peer is not a dictionary",
        "d8:intervali60e5:peersld2:ip3:::14:porti70000eeee | 39 | peer port out of range",
        "d8:intervali60ei1ei2ee              | 15 | not bencode: dictionary key is not a string"
    })
    void malformedAnnounceResponsesAreRejected(String body, long offset, String reason) {
        TrackerResponseException e = catchThrowableOfType(TrackerResponseException.class,
                () -> AnnounceResponseDecoder.decode(body.getBytes(US_ASCII)));
        assertThat(e.reason()).contains(reason);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "de                                   | 0 | missing files",
        "d5:filesi1ee                         | 8 | files is not a dictionary",
        "d5:filesd20:aaaaaaaaaaaaaaaaaaaad8:completei1eeee | 8 | missing downloaded"
    })
    void malformedScrapeResponsesAreRejected(String body, long offset, String reason) {
        TrackerResponseException e = catchThrowableOfType(TrackerResponseException.class,
                () -> ScrapeResponseDecoder.decode(body.getBytes(US_ASCII)));
        assertThat(e.reason()).contains(reason);
        assertThat(e.offset()).isEqualTo(offset);
    }
}
