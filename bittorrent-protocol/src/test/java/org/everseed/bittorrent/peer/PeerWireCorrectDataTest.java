package org.everseed.bittorrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.everseed.bittorrent.peer.Bytes.buffer;
import static org.everseed.bittorrent.peer.Bytes.hex;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.peer.PeerMessage.AllowedFast;
import org.everseed.bittorrent.peer.PeerMessage.BitfieldMessage;
import org.everseed.bittorrent.peer.PeerMessage.Cancel;
import org.everseed.bittorrent.peer.PeerMessage.Choke;
import org.everseed.bittorrent.peer.PeerMessage.Extended;
import org.everseed.bittorrent.peer.PeerMessage.Have;
import org.everseed.bittorrent.peer.PeerMessage.HaveAll;
import org.everseed.bittorrent.peer.PeerMessage.HaveNone;
import org.everseed.bittorrent.peer.PeerMessage.Interested;
import org.everseed.bittorrent.peer.PeerMessage.KeepAlive;
import org.everseed.bittorrent.peer.PeerMessage.NotInterested;
import org.everseed.bittorrent.peer.PeerMessage.Piece;
import org.everseed.bittorrent.peer.PeerMessage.Port;
import org.everseed.bittorrent.peer.PeerMessage.RejectRequest;
import org.everseed.bittorrent.peer.PeerMessage.Request;
import org.everseed.bittorrent.peer.PeerMessage.SuggestPiece;
import org.everseed.bittorrent.peer.PeerMessage.Unchoke;
import org.everseed.bittorrent.peer.PeerMessage.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeerWireCorrectDataTest {
    private static final InfoHash INFO_HASH = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    private static final PeerId PEER_ID = PeerId.of("-ES0010-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));
    private final PeerMessageDecoder decoder = PeerMessageDecoder.forPieces(10);

    @Test
    void handshakeRoundTripsWithItsExtensionBits() {
        byte[] wire = Bytes.concat(
                hex("13"),                                       // pstrlen 19
                "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII),
                hex("00 00 00 00 00 10 00 05"),                  // BEP 10 in byte 5; BEP 6 and DHT in byte 7
                INFO_HASH.bytes(),
                PEER_ID.bytes(),
                hex("00 00 00 00"));                             // a keep-alive right behind it
        ByteBuffer in = ByteBuffer.wrap(wire);

        Handshake handshake = HandshakeCodec.decode(in);

        assertThat(handshake.infoHash()).isEqualTo(INFO_HASH);
        assertThat(handshake.peerId()).isEqualTo(PEER_ID);
        assertThat(handshake.reserved().extensions())
                .containsExactlyInAnyOrder(Extension.EXTENSION_PROTOCOL, Extension.FAST, Extension.DHT);
        assertThat(handshake.reserved().supports(Extension.V2_UPGRADE)).isFalse();
        assertThat(in.position()).isEqualTo(Handshake.LENGTH);
        assertThat(HandshakeCodec.encode(handshake)).isEqualTo(java.util.Arrays.copyOf(wire, Handshake.LENGTH));
    }

    @Test
    void reservedBitsAreBuiltFromNamedExtensions() {
        ReservedBits bits = ReservedBits.with(Extension.FAST, Extension.EXTENSION_PROTOCOL);
        assertThat(bits.bytes()).isEqualTo(hex("00 00 00 00 00 10 00 04"));
        assertThat(ReservedBits.NONE.extensions()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "keep-alive;      00000000",
        "choke;           00000001 | 00",
        "unchoke;         00000001 | 01",
        "interested;      00000001 | 02",
        "not interested;  00000001 | 03",
        "have 7;          00000005 | 04 | 00000007",
        "request;         0000000d | 06 | 00000001 | 00004000 | 00004000",
        "cancel;          0000000d | 08 | 00000009 | 00000000 | 00001000",
        "port 6881;       00000003 | 09 | 1ae1",
        "suggest 2;       00000005 | 0d | 00000002",
        "have all;        00000001 | 0e",
        "have none;       00000001 | 0f",
        "reject;          0000000d | 10 | 00000003 | 00008000 | 00004000",
        "allowed fast 4;  00000005 | 11 | 00000004",
        "bitfield 10;     00000003 | 05 | ff c0",
        "piece 3 bytes;   0000000c | 07 | 00000002 | 00000010 | aabbcc",
        "extended hs;     00000004 | 14 | 00 | 6465",
        // BEP 52: pieces root (32 bytes) | base layer | index | length | proof layers [| hashes]
        "hash request;    00000031 | 15 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000006 | 00000000 | 00000200 | 00000002",
        "hash reject;     00000031 | 17 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000006 | 00000200 | 00000200 | 00000002",
        "hashes, 2;       00000071 | 16 | 1111111111111111111111111111111111111111111111111111111111111111 | 00000000 | 00000004 | 00000001 | 00000001 | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    })
    void everyMessageDecodesAndEncodesBackToTheSameBytes(String name, String wire) {
        ByteBuffer in = buffer(wire + " | 00000000");               // followed by a keep-alive
        PeerMessage message = decoder.decode(in);
        assertThat(in.position()).as("consumed exactly the message").isEqualTo(in.limit() - 4);
        assertThat(PeerMessageEncoder.encode(message)).isEqualTo(hex(wire));
        assertThat(decoder.decode(in)).isInstanceOf(KeepAlive.class);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void decodedFieldsAreTheWireValues() {
        assertThat(decoder.decode(buffer("00000000"))).isInstanceOf(KeepAlive.class);
        assertThat(decoder.decode(buffer("00000001 00"))).isInstanceOf(Choke.class);
        assertThat(decoder.decode(buffer("00000001 01"))).isInstanceOf(Unchoke.class);
        assertThat(decoder.decode(buffer("00000001 02"))).isInstanceOf(Interested.class);
        assertThat(decoder.decode(buffer("00000001 03"))).isInstanceOf(NotInterested.class);
        assertThat(decoder.decode(buffer("00000005 04 00000009"))).isEqualTo(new Have(9));
        assertThat(decoder.decode(buffer("0000000d 06 00000001 00004000 00004000")))
                .isEqualTo(new Request(1, 16384, 16384));
        assertThat(decoder.decode(buffer("0000000d 08 00000001 00004000 00004000")))
                .isEqualTo(new Cancel(1, 16384, 16384));
        assertThat(decoder.decode(buffer("0000000d 10 00000001 00004000 00004000")))
                .isEqualTo(new RejectRequest(1, 16384, 16384));
        assertThat(decoder.decode(buffer("00000003 09 1ae1"))).isEqualTo(new Port(6881));
        assertThat(decoder.decode(buffer("00000003 09 ffff"))).isEqualTo(new Port(65535));
        assertThat(decoder.decode(buffer("00000005 0d 00000002"))).isEqualTo(new SuggestPiece(2));
        assertThat(decoder.decode(buffer("00000005 11 00000004"))).isEqualTo(new AllowedFast(4));
        assertThat(decoder.decode(buffer("00000001 0e"))).isInstanceOf(HaveAll.class);
        assertThat(decoder.decode(buffer("00000001 0f"))).isInstanceOf(HaveNone.class);

        Piece piece = (Piece) decoder.decode(buffer("0000000c 07 00000002 00000010 aabbcc"));
        assertThat(piece.index()).isEqualTo(2);
        assertThat(piece.begin()).isEqualTo(16);
        assertThat(piece.block()).isEqualTo(hex("aabbcc"));

        Extended extended = (Extended) decoder.decode(buffer("00000004 14 03 6465"));
        assertThat(extended.extendedId()).isEqualTo(3);
        assertThat(extended.payload()).isEqualTo(hex("6465"));
    }

    @Test
    void hashMessagesCarryTheirFieldsAndHashes() {
        byte[] root = Bytes.hex("1111111111111111111111111111111111111111111111111111111111111111");
        assertThat(decoder.decode(buffer("00000031 15 1111111111111111111111111111111111111111111111111111111111111111 00000006 00000000 00000200 00000002")))
                .isEqualTo(new PeerMessage.HashRequest(root, 6, 0, 512, 2));
        assertThat(decoder.decode(buffer("00000031 17 1111111111111111111111111111111111111111111111111111111111111111 00000006 00000000 00000200 00000002")))
                .isEqualTo(new PeerMessage.HashReject(root, 6, 0, 512, 2));
        PeerMessage.Hashes hashes = (PeerMessage.Hashes) decoder.decode(
                buffer("00000071 16 1111111111111111111111111111111111111111111111111111111111111111 00000000 00000004 00000001 00000001 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
        assertThat(hashes.piecesRoot()).isEqualTo(root);
        assertThat(hashes.baseLayer()).isZero();
        assertThat(hashes.index()).isEqualTo(4);
        assertThat(hashes.length()).isEqualTo(1);
        assertThat(hashes.proofLayers()).isEqualTo(1);
        assertThat(hashes.hashes()).isEqualTo(Bytes.hex("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
        assertThat(decoder.decode(buffer("00000031 16 1111111111111111111111111111111111111111111111111111111111111111 00000000 00000004 00000000 00000000")))
                .as("hashes with no hash at all").isEqualTo(new PeerMessage.Hashes(root, 0, 4, 0, 0, new byte[0]));
    }

    @Test
    void bitfieldMapsBitSevenOfByteZeroToPieceZero() {
        BitfieldMessage message = (BitfieldMessage) decoder.decode(buffer("00000003 05 | 80 40"));
        Bitfield bits = message.bitfield();
        assertThat(bits.has(0)).isTrue();
        assertThat(bits.has(9)).isTrue();
        assertThat(bits.cardinality()).isEqualTo(2);
        assertThat(Bitfield.full(10).toWire()).isEqualTo(hex("ff c0"));
        assertThat(Bitfield.full(16).toWire()).isEqualTo(hex("ff ff"));
        assertThat(Bitfield.full(10).isComplete()).isTrue();
    }

    @Test
    void unknownMessageIdsAreSkippedWhole() {
        ByteBuffer in = buffer("00000004 | 63 | 010203 | 00000001 02");   // id 99 with 3 payload bytes, then interested
        assertThat(decoder.decode(in)).isEqualTo(new Unknown(99, 3));
        assertThat(decoder.decode(in)).isInstanceOf(Interested.class);
    }

    @Test
    void pieceHeaderIsTheFirstThirteenBytesOfThePieceMessage() {
        ByteBuffer header = ByteBuffer.allocate(PeerMessageEncoder.PIECE_HEADER_LENGTH);
        PeerMessageEncoder.writePieceHeader(2, 16, 3, header);
        byte[] whole = PeerMessageEncoder.encode(new Piece(2, 16, hex("aabbcc")));
        assertThat(header.array()).isEqualTo(java.util.Arrays.copyOf(whole, 13));
        assertThat(header.hasRemaining()).isFalse();
    }

    @Test
    void decodingStartsAtTheBufferPosition() {
        ByteBuffer in = buffer("ffff | 00000005 04 00000003");
        in.position(2);
        assertThat(decoder.decode(in)).isEqualTo(new Have(3));
        assertThat(in.position()).isEqualTo(11);
    }
}
