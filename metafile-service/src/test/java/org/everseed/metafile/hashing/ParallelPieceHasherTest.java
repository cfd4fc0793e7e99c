package org.everseed.metafile.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.everseed.bittorrent.metainfo.PieceHasher;
import org.everseed.bittorrent.metainfo.PieceHashes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ParallelPieceHasherTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes, pieces of {1}, {2} threads")
    @CsvSource({"0, 16384, 2", "1, 16384, 2", "16384, 16384, 3", "1000003, 16384, 2", "1000003, 65536, 7", "5000000, 262144, 1"})
    void equalsTheSequentialHash(int size, int pieceLength, int threads) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = Files.write(dir.resolve("f.bin"), content);
        PieceHasher sequential = new PieceHasher(pieceLength);
        sequential.update(ByteBuffer.wrap(content));
        PieceHashes expected = sequential.finish();

        try (ParallelPieceHasher hasher = new ParallelPieceHasher(threads); FileChannel channel = FileChannel.open(file)) {
            assertThat(hasher.hash(channel, size, pieceLength)).isEqualTo(expected);
        }
    }

    @Test
    void aBlobShorterThanDeclaredIsAnEofError() throws Exception {
        Path file = Files.write(dir.resolve("short.bin"), new byte[100_000]);
        try (ParallelPieceHasher hasher = new ParallelPieceHasher(2); FileChannel channel = FileChannel.open(file)) {
            EOFException e = catchThrowableOfType(EOFException.class, () -> hasher.hash(channel, 200_000, 16384));
            assertThat(e).hasMessageContaining("of 200000 bytes");
        }
    }
}
