package org.everseed.bittorrent.bencode;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BencodeInsufficientDataTest {

    @ParameterizedTest(name = "{0} fails at {1}")
    @CsvSource(delimiter = '|', value = {
        "''        | 0",   // nothing at all
        "i42       | 3",   // integer without its 'e'
        "i         | 1",   // integer cut after 'i'
        "4:spa     | 0",   // string shorter than declared
        "4         | 1",   // length without ':'
        "l4:spam   | 7",   // list without 'e'
        "d3:cow    | 6",   // key without value
        "d3:cow3:moo | 11" // dictionary without 'e'
    })
    void truncatedInputIsRejectedWithItsOffset(String input, long offset) {
        BencodeException e = catchThrowableOfType(BencodeException.class,
                () -> BencodeDecoder.decode(input.getBytes(US_ASCII)));
        assertThat(e.offset()).isEqualTo(offset);
    }
}
