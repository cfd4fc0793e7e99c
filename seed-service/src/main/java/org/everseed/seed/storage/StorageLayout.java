package org.everseed.seed.storage;

import java.util.Arrays;
import java.util.List;
import org.everseed.bittorrent.metainfo.FileEntry;
import org.everseed.bittorrent.metainfo.FileTreeEntry;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.TorrentFormat;

/**
 * Where the bytes of a torrent's pieces are: the torrent's byte space (piece {@code i} starts at byte
 * {@code i * piece length}) cut into spans, each either a run of one content file or zeros.
 * <ul>
 *   <li>v1 (BEP 3): the files of the {@code files} list one after the other, so a piece may span several files.</li>
 *   <li>hybrid (BEP 47, BEP 52): the same, where the {@code files} list's pad files are zero spans that align every
 *       file to a piece boundary.</li>
 *   <li>v2 (BEP 52): every file of the {@code file tree} starts on a piece boundary (as if padded, with no pad
 *       files in the metainfo), so the gap after a file's last byte up to the next piece is zeros; empty files take
 *       no piece.</li>
 * </ul>
 * Content files are numbered as {@link InfoDictionary#contentFiles()} lists them (for v2 and hybrid also the
 * order of {@link InfoDictionary#fileTree()}). Immutable, thread-safe.
 */
public final class StorageLayout {
    /** Span file index of zeros (a pad file, or the gap after a v2 file). */
    public static final int ZEROS = -1;

    private final TorrentFormat format;
    private final int pieceLength;
    private final int pieceCount;
    private final long[] spanStart;
    private final long[] spanEnd;
    private final int[] spanFile;
    private final long[] fileLength;
    private final int[] firstPiece;

    private StorageLayout(TorrentFormat format, int pieceLength, int pieceCount, long[] spanStart, long[] spanEnd,
            int[] spanFile, long[] fileLength, int[] firstPiece) {
        this.format = format;
        this.pieceLength = pieceLength;
        this.pieceCount = pieceCount;
        this.spanStart = spanStart;
        this.spanEnd = spanEnd;
        this.spanFile = spanFile;
        this.fileLength = fileLength;
        this.firstPiece = firstPiece;
    }

    /** The layout of {@code info}'s content, for any format, single- or multi-file. */
    public static StorageLayout of(InfoDictionary info) {
        return info.format() == TorrentFormat.V2 ? v2(info) : v1(info);
    }

    private static StorageLayout v1(InfoDictionary info) {
        List<FileEntry> files = info.files();
        long[] start = new long[files.size()];
        long[] end = new long[files.size()];
        int[] file = new int[files.size()];
        long[] lengths = new long[(int) files.stream().filter(f -> !f.padding()).count()];
        int[] first = new int[lengths.length];
        long offset = 0;
        int spans = 0;
        int content = 0;
        for (FileEntry f : files) {
            if (!f.padding()) {
                lengths[content] = f.length();
                first[content] = (int) (offset / info.pieceLength());
            }
            if (f.length() > 0) {
                start[spans] = offset;
                end[spans] = offset + f.length();
                file[spans] = f.padding() ? ZEROS : content;
                spans++;
            }
            offset += f.length();
            content += f.padding() ? 0 : 1;
        }
        int pieces = (int) InfoDictionary.expectedPieceCount(offset, info.pieceLength());
        return new StorageLayout(info.format(), info.pieceLength(), pieces, Arrays.copyOf(start, spans),
                Arrays.copyOf(end, spans), Arrays.copyOf(file, spans), lengths, first);
    }

    private static StorageLayout v2(InfoDictionary info) {
        List<FileTreeEntry> files = info.fileTree();
        long[] start = new long[files.size()];
        long[] end = new long[files.size()];
        int[] file = new int[files.size()];
        long[] lengths = new long[files.size()];
        int[] first = new int[files.size()];
        long piece = 0;
        int spans = 0;
        for (int i = 0; i < files.size(); i++) {
            long length = files.get(i).length();
            lengths[i] = length;
            first[i] = (int) piece;
            if (length > 0) {
                start[spans] = piece * info.pieceLength();
                end[spans] = start[spans] + length;
                file[spans] = i;
                spans++;
            }
            piece += InfoDictionary.expectedPieceCount(length, info.pieceLength());
        }
        if (piece > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(piece + " pieces are too many");
        }
        return new StorageLayout(info.format(), info.pieceLength(), (int) piece, Arrays.copyOf(start, spans),
                Arrays.copyOf(end, spans), Arrays.copyOf(file, spans), lengths, first);
    }

    /** The number of pieces. */
    public int pieceCount() {
        return pieceCount;
    }

    /** Bytes per piece. */
    public int pieceLength() {
        return pieceLength;
    }

    /** The number of content files. */
    public int fileCount() {
        return fileLength.length;
    }

    /** Length in bytes of content file {@code file}. */
    public long fileLength(int file) {
        return fileLength[file];
    }

    /**
     * Length in bytes of piece {@code index} as requests may cover it; 0 outside the torrent. v1 and hybrid: the piece
     * length, the last piece shorter. v2: always the piece length: libtorrent pads a v2 file to a piece boundary and
     * asks for whole blocks of its short last piece, whose bytes beyond the file are zeros.
     */
    public int pieceSize(int index) {
        if (index < 0 || index >= pieceCount) {
            return 0;
        }
        if (format == TorrentFormat.V2) {
            return pieceLength;
        }
        long end = spanEnd.length == 0 ? 0 : spanEnd[spanEnd.length - 1];
        return (int) Math.min(pieceLength, end - (long) index * pieceLength);
    }

    /** Byte offset in the torrent's byte space of byte {@code begin} of piece {@code index}. */
    public long offset(int index, int begin) {
        return (long) index * pieceLength + begin;
    }

    /**
     * The content file whose pieces include {@code index}: for v2 the file the piece belongs to; for v1 and hybrid the
     * file holding the piece's first byte, or for a piece starting in a pad file the file before it.
     *
     * @throws IndexOutOfBoundsException outside the torrent
     */
    public int fileOfPiece(int index) {
        if (index < 0 || index >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + pieceCount);
        }
        int i = Arrays.binarySearch(firstPiece, index);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < firstPiece.length && firstPiece[i + 1] == index && fileLength[i] == 0) {
            i++; // empty files share their successor's first piece
        }
        return i;
    }

    /** The first piece of content file {@code file} (for v2, its piece 0). */
    public int firstPieceOf(int file) {
        return firstPiece[file];
    }

    /** The number of spans (runs of one file or of zeros) laid out; zero-length files have none. */
    public int spanCount() {
        return spanStart.length;
    }

    /**
     * The span holding byte {@code offset}, or {@code -(next span) - 1} when the byte lies in a gap (v2 padding beyond
     * a file, up to the next piece) or beyond the last span.
     */
    public int spanAt(long offset) {
        int i = Arrays.binarySearch(spanStart, offset);
        if (i >= 0) {
            return i;
        }
        int before = -i - 2;
        return before >= 0 && offset < spanEnd[before] ? before : -(before + 1) - 1;
    }

    /** First byte of span {@code span} in the torrent's byte space. */
    public long spanStart(int span) {
        return spanStart[span];
    }

    /** The byte after span {@code span}'s last. */
    public long spanEnd(int span) {
        return spanEnd[span];
    }

    /** The content file of span {@code span}, or {@link #ZEROS}. */
    public int spanFile(int span) {
        return spanFile[span];
    }
}
