package org.everseed.bittorrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.everseed.bittorrent.peer.Bytes.hex;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.peer.PeerMessage.Have;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every strict prefix of a valid input decodes to nothing and consumes nothing. */
class PeerWireInsufficientDataTest {
    private final PeerMessageDecoder decoder = PeerMessageDecoder.forPieces(10);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "00000005 04 00000007",                          // have
        "0000000d 06 00000001 00004000 00004000",        // request
        "00000003 05 ffc0",                              // bitfield
        "0000000c 07 00000002 00000010 aabbcc",          // piece
        "00000004 14 00 6465",                           // extended
        "00000031 15 1111111111111111111111111111111111111111111111111111111111111111 00000006 00000000 00000200 00000002",              // hash request
        "00000051 16 1111111111111111111111111111111111111111111111111111111111111111 00000000 00000000 00000001 00000000 dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"         // hashes
    })
    void everyPrefixOfAMessageConsumesNothing(String wire) {
        byte[] whole = hex(wire);
        for (int cut = 0; cut < whole.length; cut++) {
            ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(whole, cut));
            assertThat(decoder.decode(in)).as("prefix of %d bytes", cut).isNull();
            assertThat(in.position()).as("position after a prefix of %d bytes", cut).isZero();
        }
        assertThat(decoder.decode(ByteBuffer.wrap(whole))).isNotNull();
    }

    @Test
    void everyPrefixOfAHandshakeConsumesNothing() {
        byte[] whole = HandshakeCodec.encode(new Handshake(ReservedBits.with(Extension.FAST),
                InfoHash.sha1Of(new byte[] {1}), PeerId.generate("-ES0010-")));
        for (int cut = 0; cut < whole.length; cut++) {
            ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(whole, cut));
            assertThat(HandshakeCodec.decode(in)).as("prefix of %d bytes", cut).isNull();
            assertThat(in.position()).isZero();
        }
        assertThat(HandshakeCodec.decode(ByteBuffer.wrap(whole))).isNotNull();
    }

    @Test
    void aMessageSplitAcrossReadsDecodesOnceComplete() {
        ByteBuffer in = ByteBuffer.allocate(64);
        in.put(hex("00000005 04")).flip();
        assertThat(decoder.decode(in)).isNull();
        in.compact().put(hex("00000006")).flip();
        assertThat(decoder.decode(in)).isEqualTo(new Have(6));
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void aHugeButAllowedDeclaredLengthWaitsWithoutAllocating() {
        ByteBuffer in = ByteBuffer.wrap(hex("00004009 07 00000000 00000000 aa"));   // 16 KiB block, 1 byte there
        assertThat(decoder.decode(in)).isNull();
        assertThat(in.position()).isZero();
    }

    @Test
    void theProtocolStringIsCheckedOnlyAsFarAsItArrived() {
        byte[] prefix = Bytes.concat(hex("13"), "BitTorrent".getBytes(StandardCharsets.US_ASCII));
        assertThat(HandshakeCodec.decode(ByteBuffer.wrap(prefix))).isNull();
    }
}
