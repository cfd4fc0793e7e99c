package org.everseed.bittorrent.tracker.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.TrackerResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackerHttpInsufficientDataTest {
    static final String H = TrackerHttpCorrectDataTest.WIKI_HASH;

    @ParameterizedTest(name = "{0} fails at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "''                                                        | 0   | missing info_hash",
        "peer_id=-TR2940-k8hj0wgej6ch&port=1&left=0                | 42  | missing info_hash",
        "info_hash=" + H + "&port=1&left=0                          | 68  | missing peer_id",
        "info_hash=" + H + "&peer_id=-TR2940-k8hj0wgej6ch&left=0    | 90  | missing port",
        "info_hash=" + H + "&peer_id=-TR2940-k8hj0wgej6ch&port=1    | 90  | missing left",
        "info_hash=%12%3                                            | 13  | truncated percent escape",
        "info_hash=%                                                | 10  | truncated percent escape",
        "info_hash%4=x                                              | 9   | truncated percent escape",
        "info_hash=" + H + "&peer_id=-TR2940-k8hj0wgej6ch&port=&left=0 | 89 | port must be a number"
    })
    void incompleteAnnounceQueriesAreRejected(String query, int offset, String reason) {
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> AnnounceRequestParser.parse(query));
        assertThat(e.reason()).contains(reason);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @ParameterizedTest(name = "{0} fails at {1}")
    @CsvSource(delimiter = '|', value = {
        "''                         | 0",   // empty body
        "d8:intervali60e            | 15",  // dictionary without its 'e'
        "d8:intervali60e5:peers6:ab | 22",  // compact string shorter than declared
        "d5:filesd                  | 9"    // scrape cut inside files
    })
    void truncatedResponsesAreRejectedWithTheirOffset(String body, long offset) {
        TrackerResponseException e = catchThrowableOfType(TrackerResponseException.class,
                () -> AnnounceResponseDecoder.decode(body.getBytes(US_ASCII)));
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.reason()).startsWith("not bencode");
    }
}
