package org.everseed.bittorrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PieceHasherTest {

    @Test
    void streamingInOddChunksEqualsHashingEachPieceAndTheParallelCollector() throws Exception {
        byte[] content = new byte[100_003];
        new Random(1).nextBytes(content);
        int pieceLength = 16384;
        PieceHasher streaming = new PieceHasher(pieceLength);
        for (int pos = 0; pos < content.length; pos += 777) {
            streaming.update(ByteBuffer.wrap(content, pos, Math.min(777, content.length - pos)));
        }
        PieceHashes streamed = streaming.finish();

        int count = (int) InfoDictionary.expectedPieceCount(content.length, pieceLength);
        PieceHashes.Collector collector = new PieceHashes.Collector(count);
        for (int i = count - 1; i >= 0; i--) {
            int from = i * pieceLength;
            ByteBuffer piece = ByteBuffer.wrap(content, from, Math.min(pieceLength, content.length - from));
            collector.put(i, PieceHasher.hashPiece(piece));
        }

        assertThat(streamed.count()).isEqualTo(7);
        assertThat(collector.build()).isEqualTo(streamed);
        byte[] last = MessageDigest.getInstance("SHA-1").digest(Arrays.copyOfRange(content, 6 * pieceLength, content.length));
        assertThat(streamed.hash(6)).isEqualTo(last);
    }

    @Test
    void aCollectorWithAMissingPieceRefusesToBuild() {
        PieceHashes.Collector collector = new PieceHashes.Collector(2);
        collector.put(0, new byte[20]);
        IllegalStateException e = catchThrowableOfType(IllegalStateException.class, collector::build);
        assertThat(e).hasMessageContaining("piece 1");
    }

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({
        "0, 16384",
        "1, 16384",
        "33554432, 16384",        // 32 MiB / 16 KiB = 2048 pieces
        "33554433, 32768",
        "1073741824, 524288",     // 1 GiB -> 512 KiB
        "4294967296, 2097152",    // 4 GiB -> 2 MiB
        "1099511627776, 16777216" // 1 TiB -> capped at 16 MiB
    })
    void automaticPieceLengthFollowsTheRule(long size, int expected) {
        assertThat(PieceLength.automatic(size)).isEqualTo(expected);
    }

    @Test
    void requestedPieceLengthsMustBePowersOfTwoInRange() {
        assertThat(PieceLength.requireValid(262144)).isEqualTo(262144);
        for (int bad : new int[] {8192, 16385, 3 * 65536, 32 * 1024 * 1024}) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> PieceLength.requireValid(bad)))
                    .hasMessageContaining("power of two");
        }
    }
}
