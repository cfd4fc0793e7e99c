package org.everseed.bittorrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.everseed.bittorrent.peer.Bytes.buffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed input is rejected with the offset of the offending byte, and nothing is consumed. */
class PeerWireInvalidDataTest {
    private final PeerMessageDecoder decoder = PeerMessageDecoder.forPieces(10);

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = ';', value = {
        "00000002 | 00 | 00;                              0;  choke with a payload",
        "00000000 | 00;                                   -1; (valid keep-alive, control)",
        "00000004 | 04 | 000000;                          0;  have of length 4",
        "00000005 | 04 | 0000000a;                        5;  have beyond the last piece",
        "00000005 | 04 | 80000000;                        5;  have index beyond 2^31-1",
        "0000000c | 06 | 00000001 00000000 000040;        0;  request of length 12",
        "0000000d | 06 | 00000001 80000000 00004000;      9;  request begin beyond 2^31-1",
        "0000000d | 06 | 00000001 00000000 ffffffff;      13; request length beyond 2^31-1",
        "0000000d | 08 | 0000000b 00000000 00004000;      5;  cancel beyond the last piece",
        "00000002 | 09 | 1a;                              0;  port of one byte",
        "00000004 | 05 | ffc000;                          5;  bitfield of three bytes for 10 pieces",
        "00000003 | 05 | ffe0;                            6;  bitfield with a spare bit set",
        "00000003 | 05 | ff c1;                           6;  bitfield with the last spare bit set",
        "00000008 | 07 | 00000001 000000;                 0;  piece shorter than its header",
        "00000001 | 14;                                   0;  extended without an extended id",
        "00000030 | 15 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000000 00000000 00000200 000000; 0;  hash request of length 48",
        "00000032 | 17 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000000 00000000 00000200 00000000 00; 0; hash reject of length 50",
        "00000031 | 15 | 1111111111111111111111111111111111111111111111111111111111111111 | 80000000 00000000 00000200 00000000; 37; hash request base layer beyond 2^31-1",
        "00000031 | 15 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000000 ffffffff 00000200 00000000; 41; hash request index beyond 2^31-1",
        "00000031 | 17 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000000 00000000 80000000 00000000; 45; hash reject length beyond 2^31-1",
        "00000031 | 15 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000000 00000000 00000200 80000000; 49; hash request proof layers beyond 2^31-1",
        "00000030 | 16 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000000 00000000 00000000 000000;  0;  hashes shorter than its header",
        "00000041 | 16 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000000 00000000 00000001 00000000 cccccccccccccccccccccccccccccccc; 0; hashes of 16 bytes, not a multiple of 32",
        "00000051 | 16 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000000 80000000 00000001 00000000 cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc; 41; hashes index beyond 2^31-1"
    })
    void malformedMessagesAreRejectedAtTheirOffset(String wire, long offset, String name) {
        ByteBuffer in = buffer(wire);
        if (offset < 0) {
            assertThat(decoder.decode(in)).isNotNull();
            return;
        }
        PeerWireException e = catchThrowableOfType(PeerWireException.class, () -> decoder.decode(in));
        assertThat(e).isNotInstanceOf(MessageTooLongException.class);
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(in.position()).as("nothing consumed").isZero();
    }

    @Test
    void aHandshakeWithAnotherPstrlenIsRejectedAtItsFirstByte() {
        PeerWireException e = catchThrowableOfType(PeerWireException.class,
                () -> HandshakeCodec.decode(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertThat(e.offset()).isZero();
        assertThat(e.reason()).contains("pstrlen");
    }

    @Test
    void aHandshakeWithAnotherProtocolIsRejectedAtTheFirstWrongByte() {
        byte[] wire = new byte[Handshake.LENGTH];
        wire[0] = 19;
        System.arraycopy("BitTorrent protocoL".getBytes(StandardCharsets.US_ASCII), 0, wire, 1, 19);
        PeerWireException e = catchThrowableOfType(PeerWireException.class,
                () -> HandshakeCodec.decode(ByteBuffer.wrap(wire)));
        assertThat(e.offset()).isEqualTo(19);
        assertThat(e.reason()).contains("protocol string");
    }

    @Test
    void garbageIsRejectedBeforeSixtyEightBytesArrive() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {19, 'X'});
        PeerWireException e = catchThrowableOfType(PeerWireException.class, () -> HandshakeCodec.decode(in));
        assertThat(e.offset()).isEqualTo(1);
        assertThat(in.position()).isZero();
    }

    @Test
    void bitfieldFromWireChecksLengthAndSpareBits() {
        assertThat(catchThrowableOfType(PeerWireException.class,
                () -> Bitfield.fromWire(new byte[] {(byte) 0xff}, 10, 5)).offset()).isEqualTo(5);
        assertThat(catchThrowableOfType(PeerWireException.class,
                () -> Bitfield.fromWire(new byte[] {0, 0}, 17, 5)).offset()).isEqualTo(5);
        assertThat(catchThrowableOfType(PeerWireException.class,
                () -> Bitfield.fromWire(new byte[] {0, 0, 1}, 17, 5)).offset()).isEqualTo(7);
        assertThat(catchThrowableOfType(PeerWireException.class,
                () -> Bitfield.fromWire(new byte[] {0, 0, 0x40}, 17, 5)).offset()).isEqualTo(7);
        assertThat(Bitfield.fromWire(new byte[] {0, 0, (byte) 0x80}, 17, 5).has(16)).isTrue();
    }
}
