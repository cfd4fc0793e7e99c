package org.everseed.metafile.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.everseed.bittorrent.metainfo.ContentHashes;
import org.everseed.bittorrent.metainfo.ContentLayout;
import org.everseed.bittorrent.metainfo.FileEntry;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.MerkleTree;
import org.everseed.bittorrent.metainfo.PieceHasher;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The parallel hasher gives the hashes of a sequential reference: v1 piece hashes from a streaming
 * {@link PieceHasher} over the concatenated v1 content (pad zeros included), v2 roots and layers from
 * {@link MerkleTree#fileHashes} over each file's blocks; a file shorter than announced fails with EOF.
 */
class ContentHasherTest {
    private static final int PIECE = 32 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TorrentFormat.class)
    void parallelHashesEqualTheSequentialReference(TorrentFormat format) throws Exception {
        int[] sizes = {PIECE * 5 + 77, 0, 1, PIECE, PIECE * 2 + 16384, 1000};
        List<FileEntry> entries = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            random.nextBytes(data);
            Files.write(dir.resolve("f" + i), data);
            entries.add(new FileEntry(List.of("f" + i), sizes[i]));
            contents.add(data);
        }
        ContentLayout layout = ContentLayout.multiFile(format, "d", entries, PIECE);
        List<FileChannel> channels = new ArrayList<>();
        for (FileEntry f : layout.files()) {
            channels.add(FileChannel.open(dir.resolve(f.path().getFirst()), StandardOpenOption.READ));
        }
        ContentHashes hashes;
        try (ContentHasher hasher = new ContentHasher(3)) {
            hashes = hasher.hash(layout, channels);
        } finally {
            for (FileChannel c : channels) {
                c.close();
            }
        }
        InfoDictionary info = hashes.infoDictionary(false, Optional.empty());

        if (format.hasV1()) {
            PieceHasher reference = new PieceHasher(PIECE);
            for (FileEntry f : info.files()) {
                reference.update(ByteBuffer.wrap(f.padding() ? new byte[(int) f.length()]
                        : contents.get(Integer.parseInt(f.path().getFirst().substring(1)))));
            }
            assertThat(info.pieces()).isEqualTo(reference.finish());
        }
        if (format.hasV2()) {
            for (var entry : info.fileTree()) {
                byte[] data = contents.get(Integer.parseInt(entry.path().getFirst().substring(1)));
                MerkleTree.FileHashes expected = MerkleTree.fileHashes(MerkleTree.blockHashes(ByteBuffer.wrap(data)), PIECE);
                assertThat(entry.piecesRoot()).isEqualTo(expected.piecesRoot());
                if (expected.pieceLayer().length > 0) {
                    assertThat(hashes.pieceLayers().layer(expected.piecesRoot())).hasValue(expected.pieceLayer());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TorrentFormat.class)
    void aFileShorterThanAnnouncedFailsWithEof(TorrentFormat format) throws Exception {
        Path file = dir.resolve("short.bin");
        Files.write(file, new byte[PIECE + 5]);
        ContentLayout layout = ContentLayout.singleFile(format, "short.bin", PIECE * 3L, PIECE);
        try (ContentHasher hasher = new ContentHasher(2); FileChannel channel = FileChannel.open(file)) {
            assertThatThrownBy(() -> hasher.hash(layout, List.of(channel))).isInstanceOf(EOFException.class);
        }
    }
}
