package org.everseed.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTargetsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/announce?info_hash=%12%34&port=1        | /announce?info_hash=%12%34&port=1",
        "/announce?info_hash=%ZZ&port=1           | /announce?info_hash=%25ZZ&port=1",
        "/announce?info_hash=%1                   | /announce?info_hash=%251",
        "/announce?a=b%                           | /announce?a=b%25",
        "/scrape?x=a\"b^c                         | /scrape?x=a%22b%5Ec",
        "/files/1/a.bin                           | /files/1/a.bin"
    })
    void malformedQueriesBecomeValidAndValidTargetsStayAsTheyAre(String target, String expected) {
        String repaired = RequestTargets.repair(target);
        assertThat(repaired).isEqualTo(expected);
        assertThat(URI.create(repaired)).isNotNull();
    }
}
