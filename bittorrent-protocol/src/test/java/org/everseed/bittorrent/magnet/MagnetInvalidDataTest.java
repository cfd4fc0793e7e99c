package org.everseed.bittorrent.magnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagnetInvalidDataTest {
    private static final String HEX = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "http://x/?xt=urn:btih:" + HEX + " | 0 | not a magnet URI",
        "magnet:?xt=urn:btih:" + HEX + "&&dn=a | 61 | without 'key='",
        "magnet:?xt=urn:btih:" + HEX + "&dn | 61 | without 'key='",
        "magnet:?xt=urn:btih:" + HEX + "&dn=a%zz | 65 | bad percent escape",
        "magnet:?xt=urn:btih:" + HEX + "&dn=a b | 65 | must be percent-encoded",
        "magnet:?xt=urn:btih:" + HEX + "&dn=%FF | 64 | not UTF-8",
        "magnet:?xt=urn:btih:" + HEX + "&xt=urn:btih:" + HEX + " | 61 | more than one urn:btih",
        "magnet:?xt=urn:btih:" + HEX + "&dn=a&dn=b | 66 | more than one dn",
        "magnet:?xt=urn:btih:g12fe1c06bba254a9dc9f519b335aa7c1367a88a | 20 | not 40 hex digits",
        "magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE1 | 51 | not a base32 character",
        "magnet:?xt=urn:btmh:1114" + HEX + "c12fe1c06bba254a9dc9f519 | 20 | '1220' and 64 hex",
        "magnet:?dn=a&tr=http%3A%2F%2Fh | 30 | no xt",
    })
    void malformedUrisAreRejectedWithTheirIndex(String uri, int index, String reason) {
        MagnetException e = catchThrowableOfType(MagnetException.class, () -> MagnetUri.parse(uri));
        assertThat(e.reason()).contains(reason);
        assertThat(e.index()).isEqualTo(index);
    }
}
