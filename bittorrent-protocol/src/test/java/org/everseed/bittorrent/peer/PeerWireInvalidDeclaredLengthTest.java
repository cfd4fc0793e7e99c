package org.everseed.bittorrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.everseed.bittorrent.peer.Bytes.buffer;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Length prefixes beyond the limit are rejected from the 4 prefix bytes alone, before allocation. */
class PeerWireInvalidDeclaredLengthTest {
    private final PeerMessageDecoder decoder = PeerMessageDecoder.forPieces(10);

    @Test
    void aTwoGigabytePrefixIsRejectedFromItsFourBytes() {
        ByteBuffer in = buffer("80000000");                        // 2^31: 2 GiB declared, nothing behind
        MessageTooLongException e = catchThrowableOfType(MessageTooLongException.class, () -> decoder.decode(in));
        assertThat(e.offset()).isZero();
        assertThat(e.declaredLength()).isEqualTo(0x8000_0000L);
        assertThat(e.maxLength()).isEqualTo(PeerMessageDecoder.DEFAULT_MAX_LENGTH);
        assertThat(in.position()).isZero();
    }

    @Test
    void theLargestUnsignedPrefixIsReadUnsigned() {
        MessageTooLongException e = catchThrowableOfType(MessageTooLongException.class,
                () -> decoder.decode(buffer("ffffffff 07")));
        assertThat(e.declaredLength()).isEqualTo(0xffff_ffffL);
        assertThat(e.offset()).isZero();
    }

    @Test
    void oneByteOverTheLimitIsRejectedAndTheLimitItselfIsAccepted() {
        PeerMessageDecoder small = new PeerMessageDecoder(10, 16);
        MessageTooLongException e = catchThrowableOfType(MessageTooLongException.class,
                () -> small.decode(buffer("00000011 07")));
        assertThat(e.declaredLength()).isEqualTo(17);
        assertThat(e.maxLength()).isEqualTo(16);
        assertThat(small.decode(buffer("00000010 07 00000001 00000000 aabbccddeeff00"))).isNotNull();
    }

    @Test
    void theLimitMustHoldTheTorrentsBitfield() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new PeerMessageDecoder(1_000_000, 1024))).hasMessageContaining("bitfield");
        assertThat(PeerMessageDecoder.forPieces(2_000_000).maxLength()).isEqualTo(1 + 250_000);
    }
}
