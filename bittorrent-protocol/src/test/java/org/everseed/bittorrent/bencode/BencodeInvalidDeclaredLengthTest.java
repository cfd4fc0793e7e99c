package org.everseed.bittorrent.bencode;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class BencodeInvalidDeclaredLengthTest {

    @Test
    void aGigabyteStringHeaderCostsNothing() {
        // "1000000000:" declares 1 GB but 3 bytes follow: rejected before any allocation.
        byte[] input = "d4:name1000000000:abce".getBytes(US_ASCII);
        BencodeException e = catchThrowableOfType(BencodeException.class, () -> BencodeDecoder.decode(input));
        assertThat(e.offset()).isEqualTo(7);
        assertThat(e.reason()).contains("runs past the end");
    }

    @Test
    void aLengthBeyondSixtyFourBitsIsRejected() {
        byte[] input = "99999999999999999999:x".getBytes(US_ASCII);
        BencodeException e = catchThrowableOfType(BencodeException.class, () -> BencodeDecoder.decode(input));
        assertThat(e.offset()).isZero();
    }

    @Test
    void aLengthOneBeyondTheInputIsRejected() {
        byte[] input = "5:spam".getBytes(US_ASCII);
        BencodeException e = catchThrowableOfType(BencodeException.class, () -> BencodeDecoder.decode(input));
        assertThat(e.offset()).isZero();
    }
}
