package org.everseed.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class TorrentRequestsTest {

    @ParameterizedTest(name = "{0} {1} Accept: {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "GET  | /files/abc/x.iso?torrent            |                                   | true",
        "GET  | /files/abc/x.iso?torrent=1          |                                   | true",
        "HEAD | /files/abc/x.iso?torrent            |                                   | true",
        "GET  | /files/abc/x.iso                    | application/x-bittorrent          | true",
        "GET  | /files/abc/x.iso                    | text/html, application/x-bittorrent;q=0.9 | true",
        "GET  | /files/abc/x.iso                    | application/x-bittorrent;q=0      | false",
        "GET  | /files/abc/x.iso                    | */*                               | false",
        "GET  | /files/abc/x.iso                    |                                   | false",
        "GET  | /files/abc/x.iso                    | ;;;not a media type               | false",
        "POST | /files/abc/x.iso?torrent            |                                   | false",
        "GET  | /files/abc?torrent                  |                                   | false",
        "GET  | /files/abc/x/y.iso?torrent          |                                   | false",
        "GET  | /api/v1/publications?torrent        |                                   | false",
        "GET  | /files/abc/x.iso?torrents           |                                   | false",
    })
    void recognisesOnlyRequestsForTheTorrentOfADownloadUrl(String method, String uri, String accept, boolean expected) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.method(HttpMethod.valueOf(method), uri);
        if (accept != null) {
            request.header("Accept", accept);
        }
        assertThat(TorrentRequests.wantsTorrent(MockServerWebExchange.from(request.build()))).isEqualTo(expected);
    }
}
