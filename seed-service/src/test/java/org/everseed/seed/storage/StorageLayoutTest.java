package org.everseed.seed.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.metainfo.FileEntry;
import org.everseed.bittorrent.metainfo.FileTreeEntry;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.PieceHashes;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.junit.jupiter.api.Test;

/** How pieces map to files: v1 spans files, hybrid pads them (BEP 47), v2 aligns them without pad files (BEP 52). */
class StorageLayoutTest {
    private static final int PIECE = 16 * 1024;

    @Test
    void v1PiecesSpanFilesAndEmptyFilesTakeNoBytes() {
        InfoDictionary info = new InfoDictionary("d", PIECE, PieceHashes.of(new byte[2 * 20]), true,
                List.of(file("a", 10_000), file("empty", 0), file("b", 10_000)), false, Optional.empty());
        StorageLayout layout = StorageLayout.of(info);
        assertThat(layout.pieceCount()).isEqualTo(2);
        assertThat(layout.fileCount()).isEqualTo(3);
        assertThat(layout.spanCount()).isEqualTo(2);
        assertThat(layout.pieceSize(1)).isEqualTo(20_000 - PIECE);
        int span = layout.spanAt(12_000);
        assertThat(layout.spanFile(span)).as("the empty file has no span: byte 12,000 is b's").isEqualTo(2);
        assertThat(layout.spanStart(span)).isEqualTo(10_000);
        assertThat(layout.spanAt(20_000)).as("beyond the end").isEqualTo(-3);
    }

    @Test
    void hybridPadFilesAreZeroSpans() {
        InfoDictionary info = new InfoDictionary("d", PIECE, PieceHashes.of(new byte[3 * 20]), true,
                List.of(file("a", 10_000), FileEntry.pad(PIECE - 10_000), file("b", 20_000)), false, Optional.empty(),
                TorrentFormat.HYBRID, List.of(tree("a", 10_000), tree("b", 20_000)));
        StorageLayout layout = StorageLayout.of(info);
        assertThat(layout.fileCount()).as("pad files are not content files").isEqualTo(2);
        assertThat(layout.spanFile(layout.spanAt(PIECE - 1))).isEqualTo(StorageLayout.ZEROS);
        assertThat(layout.spanFile(layout.spanAt(PIECE))).isEqualTo(1);
        assertThat(layout.pieceSize(2)).isEqualTo(20_000 - PIECE);
    }

    @Test
    void v2FilesStartOnPieceBoundariesWithZerosBetweenAndWholePiecesOnTheWire() {
        InfoDictionary info = new InfoDictionary("d", PIECE, PieceHashes.of(new byte[0]), true,
                List.of(file("a", 10_000), file("b", 0), file("c", 2 * PIECE + 1)), false, Optional.empty(),
                TorrentFormat.V2, List.of(tree("a", 10_000), tree("b", 0), tree("c", 2 * PIECE + 1)));
        StorageLayout layout = StorageLayout.of(info);
        assertThat(layout.pieceCount()).isEqualTo(1 + 3);
        assertThat(layout.firstPieceOf(2)).isEqualTo(1);
        assertThat(layout.fileOfPiece(0)).isZero();
        assertThat(layout.fileOfPiece(1)).as("not the empty file b, which shares c's first piece").isEqualTo(2);
        assertThat(layout.fileOfPiece(3)).isEqualTo(2);
        assertThat(layout.spanAt(10_000)).as("the gap after a: before span 1").isEqualTo(-2);
        assertThat(layout.spanFile(layout.spanAt(PIECE))).isEqualTo(2);
        assertThat(layout.pieceSize(0)).as("whole pieces on the wire").isEqualTo(PIECE);
        assertThatThrownBy(() -> layout.fileOfPiece(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static FileEntry file(String name, long length) {
        return new FileEntry(List.of(name), length);
    }

    private static FileTreeEntry tree(String name, long length) {
        return new FileTreeEntry(List.of(name), length, length == 0 ? new byte[0] : new byte[32]);
    }
}
