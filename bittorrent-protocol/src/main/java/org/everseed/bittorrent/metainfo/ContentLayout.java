package org.everseed.bittorrent.metainfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How the content of a new torrent is cut into pieces, for any {@link TorrentFormat}: the files in torrent order
 * (for v2 and hybrid sorted by path, the order of the {@code file tree}, BEP 52), the v1 file list (for hybrid
 * multi-file torrents with a BEP 47 pad file after every file whose length is not a multiple of the piece
 * length, as libtorrent 2.0 writes them), and the {@link HashUnit hash units}: one per v1 piece for v1, one per
 * piece of each file for v2 and hybrid, so that a hybrid unit yields its SHA-1 and its SHA-256 piece hash from
 * one read of its bytes. Units are computed on demand (no per-piece objects are kept). Immutable, thread-safe.
 */
public final class ContentLayout {
    private static final Comparator<List<String>> PATH_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Arrays.compareUnsigned(a.get(i).getBytes(StandardCharsets.UTF_8), b.get(i).getBytes(StandardCharsets.UTF_8));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
    private final TorrentFormat format;
    private final String name;
    private final boolean multiFile;
    private final int pieceLength;
    private final List<FileEntry> files;
    private final List<FileEntry> v1Files;
    private final long[] v1Starts;
    private final long v1Total;
    private final long[] unitStarts;
    private final int unitCount;

    private ContentLayout(TorrentFormat format, String name, boolean multiFile, int pieceLength, List<FileEntry> files) {
        this.format = format;
        this.name = name;
        this.multiFile = multiFile;
        this.pieceLength = pieceLength;
        this.files = files;
        this.v1Starts = new long[files.size()];
        this.unitStarts = new long[files.size() + 1];
        List<FileEntry> withPads = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < files.size(); i++) {
            FileEntry f = files.get(i);
            v1Starts[i] = offset;
            withPads.add(f);
            offset = Math.addExact(offset, f.length());
            long tail = f.length() % pieceLength;
            if (format == TorrentFormat.HYBRID && multiFile && tail != 0) {
                withPads.add(FileEntry.pad(pieceLength - tail));
                offset += pieceLength - tail;
            }
            unitStarts[i + 1] = unitStarts[i] + InfoDictionary.expectedPieceCount(f.length(), pieceLength);
        }
        this.v1Files = List.copyOf(withPads);
        this.v1Total = offset;
        long units = format == TorrentFormat.V1 ? InfoDictionary.expectedPieceCount(v1Total, pieceLength)
                : unitStarts[files.size()];
        if (units > Integer.MAX_VALUE / MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException(v1Total + " bytes make too many pieces of " + pieceLength);
        }
        this.unitCount = (int) units;
    }

    /**
     * The layout of a single file named {@code name}.
     *
     * @throws IllegalArgumentException for an unsafe name, a negative length or an invalid piece length
     */
    public static ContentLayout singleFile(TorrentFormat format, String name, long length, int pieceLength) {
        return new ContentLayout(format, name, false, checkPieceLength(format, pieceLength),
                List.of(new FileEntry(List.of(name), length)));
    }

    /**
     * The layout of a directory {@code name} holding {@code files} (paths relative to it). v1 keeps the given order;
     * v2 and hybrid sort by path, component by component in UTF-8 byte order.
     *
     * @throws IllegalArgumentException for no files, a pad file, the same path twice, a path that is also a
     *     directory of another, an unsafe name, or an invalid piece length
     */
    public static ContentLayout multiFile(TorrentFormat format, String name, List<FileEntry> files, int pieceLength) {
        PathRules.check(name);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a multi-file torrent needs at least one file");
        }
        List<FileEntry> ordered = new ArrayList<>(files);
        if (format.hasV2()) {
            ordered.sort(Comparator.comparing(FileEntry::path, PATH_ORDER));
        }
        List<FileEntry> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileEntry::path, PATH_ORDER));
        for (int i = 0; i < sorted.size(); i++) {
            FileEntry f = sorted.get(i);
            if (f.padding()) {
                throw new IllegalArgumentException("pad files are laid out, not given: " + f.joinedPath());
            }
            if (i > 0) {
                List<String> prev = sorted.get(i - 1).path();
                if (prev.equals(f.path()) || (prev.size() < f.path().size() && f.path().subList(0, prev.size()).equals(prev))) {
                    throw new IllegalArgumentException("path given twice or both as file and directory: " + String.join("/", prev));
                }
            }
        }
        return new ContentLayout(format, name, true, checkPieceLength(format, pieceLength), List.copyOf(ordered));
    }

    private static int checkPieceLength(TorrentFormat format, int pieceLength) {
        return format.hasV2() ? PieceLength.requireValidV2(pieceLength) : PieceLength.requireValid(pieceLength);
    }

    /** The format. */
    public TorrentFormat format() {
        return format;
    }

    /** The torrent's name. */
    public String name() {
        return name;
    }

    /** Whether the torrent is multi-file. */
    public boolean isMultiFile() {
        return multiFile;
    }

    /** Bytes per piece. */
    public int pieceLength() {
        return pieceLength;
    }

    /** The content files in torrent order; {@link HashUnit.Segment#file()} indexes this list. */
    public List<FileEntry> files() {
        return files;
    }

    /** The v1 file list: the files with the pad files of a hybrid multi-file torrent. */
    public List<FileEntry> v1Files() {
        return v1Files;
    }

    /** The number of v1 pieces (0 for v2-only). */
    public int v1PieceCount() {
        return format.hasV1() ? (int) InfoDictionary.expectedPieceCount(v1Total, pieceLength) : 0;
    }

    /** The number of pieces of content file {@code file}. */
    public int pieceCountOf(int file) {
        return (int) (unitStarts[file + 1] - unitStarts[file]);
    }

    /** The number of hash units. */
    public int unitCount() {
        return unitCount;
    }

    /** Hash unit {@code index}, from 0 to {@link #unitCount()} - 1. */
    public HashUnit unit(int index) {
        if (index < 0 || index >= unitCount) {
            throw new IndexOutOfBoundsException("unit " + index + " of " + unitCount);
        }
        return format == TorrentFormat.V1 ? v1Unit(index) : v2Unit(index);
    }

    private HashUnit v1Unit(int index) {
        long offset = (long) index * pieceLength;
        long end = Math.min(v1Total, offset + pieceLength);
        List<HashUnit.Segment> segments = new ArrayList<>(1);
        int file = fileAt(v1Starts, offset);
        while (offset < end) {
            long fileEnd = v1Starts[file] + files.get(file).length();
            if (fileEnd > offset) {
                int take = (int) (Math.min(end, fileEnd) - offset);
                segments.add(new HashUnit.Segment(file, offset - v1Starts[file], take));
                offset += take;
            }
            file++;
        }
        return new HashUnit(index, index, -1, -1, segments, 0);
    }

    private HashUnit v2Unit(int index) {
        int file = fileAt(unitStarts, index);
        while (unitStarts[file + 1] <= index) {
            file++;
        }
        int piece = (int) (index - unitStarts[file]);
        long offset = (long) piece * pieceLength;
        int length = (int) Math.min(pieceLength, files.get(file).length() - offset);
        boolean hybrid = format == TorrentFormat.HYBRID;
        int v1Piece = hybrid ? (int) (v1Starts[file] / pieceLength) + piece : -1;
        int padding = hybrid && multiFile ? pieceLength - length : 0;
        return new HashUnit(index, v1Piece, file, piece, List.of(new HashUnit.Segment(file, offset, length)), padding);
    }

    /** The last index whose start is at or before {@code position}. */
    private static int fileAt(long[] starts, long position) {
        int i = Arrays.binarySearch(starts, position);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < starts.length && starts[i + 1] == position) {
            i++;
        }
        return i;
    }
}
