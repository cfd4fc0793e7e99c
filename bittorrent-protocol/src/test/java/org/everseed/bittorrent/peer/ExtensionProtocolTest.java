package org.everseed.bittorrent.peer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BEP 10 extended handshake and BEP 9 ut_metadata payloads, by failure class. Offsets count from the
 * first payload byte; a mistyped key is reported at the offset of its value.
 */
class ExtensionProtocolTest {

    @Nested
    class CorrectData {
        @Test
        void extendedHandshakeEncodesCanonicallyAndRoundTrips() {
            ExtendedHandshake ours = new ExtendedHandshake(Map.of("ut_metadata", 3), OptionalInt.of(31235),
                    Optional.of("Everseed 0.1"), OptionalInt.of(500));
            String wire = new String(ours.encode(), US_ASCII);
            assertThat(wire).isEqualTo("d1:md11:ut_metadatai3ee13:metadata_sizei31235e4:reqqi500e1:v12:Everseed 0.1e");
            assertThat(ExtendedHandshake.decode(ours.encode())).isEqualTo(ours);
        }

        @Test
        void aLibtorrentStyleHandshakeKeepsKnownKeysAndDropsDisabledIds() {
            byte[] wire = ("d12:complete_agoi-1e1:md11:lt_donthavei7e10:share_modei8e11:upload_onlyi3e"
                    + "12:ut_holepunchi4e11:ut_metadatai2e6:ut_pexi0ee13:metadata_sizei512e4:reqqi500e"
                    + "11:upload_onlyi0e1:v18:libtorrent/2.0.8.0e").getBytes(US_ASCII);
            ExtendedHandshake theirs = ExtendedHandshake.decode(wire);
            assertThat(theirs.idOf("ut_metadata")).hasValue(2);
            assertThat(theirs.idOf("ut_pex")).isEmpty();
            assertThat(theirs.metadataSize()).hasValue(512);
            assertThat(theirs.client()).hasValue("libtorrent/2.0.8.0");
        }

        @Test
        void metadataMessagesRoundTripAndDataCarriesTheRawPieceAfterTheDictionary() {
            byte[] info = new byte[MetadataMessage.PIECE_LENGTH + 10];
            Arrays.fill(info, (byte) 'x');
            MetadataMessage.Data last = MetadataMessage.slice(info, 1);
            byte[] wire = last.encode();
            assertThat(new String(wire, US_ASCII)).isEqualTo("d8:msg_typei1e5:piecei1e10:total_sizei16394eexxxxxxxxxx");
            MetadataMessage.Data back = (MetadataMessage.Data) MetadataMessage.decode(wire);
            assertThat(back.piece()).isEqualTo(1);
            assertThat(back.totalSize()).isEqualTo(16394);
            assertThat(back.data()).hasSize(10);
            assertThat(MetadataMessage.decode("d8:msg_typei0e5:piecei0ee".getBytes(US_ASCII)))
                    .isEqualTo(new MetadataMessage.Request(0));
            assertThat(new String(new MetadataMessage.Reject(4).encode(), US_ASCII)).isEqualTo("d8:msg_typei2e5:piecei4ee");
            assertThat(MetadataMessage.pieceCount(info.length)).isEqualTo(2);
        }
    }

    @Nested
    class InsufficientData {
        @Test
        void unsortedKeysOfClientsThatDoNotSortAreAcceptedButDuplicatesAreNot() {
            byte[] handshake = "d1:v6:Client1:md11:ut_metadatai5ee13:metadata_sizei99ee".getBytes(US_ASCII);
            assertThat(ExtendedHandshake.decode(handshake).idOf("ut_metadata")).hasValue(5);
            assertThat(MetadataMessage.decode("d5:piecei2e8:msg_typei0ee".getBytes(US_ASCII)))
                    .isEqualTo(new MetadataMessage.Request(2));
            PeerWireException e = catchThrowableOfType(PeerWireException.class,
                    () -> ExtendedHandshake.decode("d1:vi1e1:vi2ee".getBytes(US_ASCII)));
            assertThat(e.offset()).as("the second v").isEqualTo(7);
            assertThat(e.reason()).contains("duplicate");
        }

        @Test
        void aTruncatedDictionaryIsRejectedAtItsEnd() {
            PeerWireException e = catchThrowableOfType(PeerWireException.class,
                    () -> MetadataMessage.decode("d8:msg_typei0e5:piecei0".getBytes(US_ASCII)));
            assertThat(e.offset()).isEqualTo(23);
        }
    }

    @Nested
    class InvalidData {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "d8:msg_typei3e5:piecei0ee        | 11 | msg_type",
            "d5:piecei0ee                     | 0  | msg_type",
            "d8:msg_typei0e5:piecei-1ee       | 21 | piece",
            "d8:msg_typei0e5:piecei0eexx      | 25 | trailing",
            "li0ee                            | 0  | not a dictionary",
            "d8:msg_typei0e5:piecei00ee       | 21 | leading zero"
        })
        void malformedMetadataMessagesAreRejectedAtTheirOffset(String wire, long offset, String reason) {
            PeerWireException e = catchThrowableOfType(PeerWireException.class,
                    () -> MetadataMessage.decode(wire.getBytes(US_ASCII)));
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.reason()).contains(reason);
        }

        @Test
        void anExtendedHandshakeWithAMistypedKeyIsRejectedAtThatKey() {
            PeerWireException e = catchThrowableOfType(PeerWireException.class,
                    () -> ExtendedHandshake.decode("d1:mi1e13:metadata_size3:abce".getBytes(US_ASCII)));
            assertThat(e.offset()).as("offset of the value of m").isEqualTo(4);
            assertThat(e.reason()).contains("m is not a dictionary");
            e = catchThrowableOfType(PeerWireException.class,
                    () -> ExtendedHandshake.decode("d13:metadata_sizei-5ee".getBytes(US_ASCII)));
            assertThat(e.offset()).isEqualTo(17);
        }
    }

    @Nested
    class InvalidDeclaredLength {
        @Test
        void aDataPieceLongerThanSixteenKibibytesIsRejected() {
            byte[] head = "d8:msg_typei1e5:piecei0e10:total_sizei99999ee".getBytes(US_ASCII);
            byte[] wire = Arrays.copyOf(head, head.length + MetadataMessage.PIECE_LENGTH + 1);
            PeerWireException e = catchThrowableOfType(PeerWireException.class, () -> MetadataMessage.decode(wire));
            assertThat(e.offset()).isEqualTo(head.length);
        }

        @Test
        void aStringLengthPastTheEndIsRejectedBeforeAllocation() {
            PeerWireException e = catchThrowableOfType(PeerWireException.class,
                    () -> ExtendedHandshake.decode("d1:v2000000000:xe".getBytes(US_ASCII)));
            assertThat(e.offset()).isEqualTo(4);
        }
    }
}
