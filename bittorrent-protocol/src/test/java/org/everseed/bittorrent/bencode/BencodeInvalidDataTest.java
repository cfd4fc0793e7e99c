package org.everseed.bittorrent.bencode;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BencodeInvalidDataTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "i03e               | 0  | leading zero",
        "i-0e               | 0  | negative zero",
        "i-e                | 2  | without digits",
        "ie                 | 1  | without digits",
        "i1x2e              | 2  | expected a digit",
        "i00000000000000000000e | 1 | longer than",
        "i9223372036854775808e | 1 | beyond 64 bits",
        "03:abc             | 0  | leading zero",
        "x                  | 0  | unexpected byte",
        "i1ei2e             | 3  | trailing bytes",
        "d3:cowi1e3:abci2ee | 9  | out of order",
        "d3:cowi1e3:cowi2ee | 9  | duplicate",
        "di1ei2ee           | 1  | not a string"
    })
    void nonCanonicalOrMalformedInputIsRejected(String input, long offset, String reason) {
        BencodeException e = catchThrowableOfType(BencodeException.class,
                () -> BencodeDecoder.decode(input.getBytes(US_ASCII)));
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.reason()).contains(reason);
    }

    @Test
    void keysInAnyOrderAreAcceptedOnlyWhenAskedButNeverTwice() {
        byte[] unsorted = "d3:cowi1e3:abci2ee".getBytes(US_ASCII);
        BencodeDictionary d = (BencodeDictionary) BencodeDecoder.decode(unsorted, 0, unsorted.length,
                BencodeDecoder.KeyOrder.ANY);
        assertThat(d.entries()).hasSize(2);
        assertThat(d.spanOf("abc")).hasValueSatisfying(span -> assertThat(span.start()).isEqualTo(14));
        byte[] twice = "d3:cowi1e3:abci2e3:cowi3ee".getBytes(US_ASCII);
        BencodeException e = catchThrowableOfType(BencodeException.class,
                () -> BencodeDecoder.decode(twice, 0, twice.length, BencodeDecoder.KeyOrder.ANY));
        assertThat(e.offset()).isEqualTo(17);
        assertThat(e.reason()).contains("duplicate");
    }

    @Test
    void nestingIsBounded() {
        String deep = "l".repeat(BencodeDecoder.MAX_DEPTH + 1) + "e".repeat(BencodeDecoder.MAX_DEPTH + 1);
        BencodeException e = catchThrowableOfType(BencodeException.class,
                () -> BencodeDecoder.decode(deep.getBytes(US_ASCII)));
        assertThat(e.offset()).isEqualTo(BencodeDecoder.MAX_DEPTH);
        assertThat(e.reason()).contains("nesting");
        String allowed = "l".repeat(BencodeDecoder.MAX_DEPTH) + "e".repeat(BencodeDecoder.MAX_DEPTH);
        assertThat(BencodeDecoder.decode(allowed.getBytes(US_ASCII))).isInstanceOf(BencodeList.class);
    }
}
