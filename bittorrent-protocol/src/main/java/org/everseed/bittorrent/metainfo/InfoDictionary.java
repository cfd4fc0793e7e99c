package org.everseed.bittorrent.metainfo;

import java.util.List;
import java.util.Optional;

/**
 * The info dictionary of a torrent, the part that the info_hash covers: v1 (BEP 3), v2 (BEP 52) or hybrid.
 *
 * @param name suggested file name (single-file) or directory name (multi-file), UTF-8
 * @param pieceLength bytes per piece, positive; for v2 and hybrid a power of two of at least 16 KiB (BEP 52)
 * @param pieces SHA-1 of every v1 piece, {@code ceil(total / pieceLength)} of them over the v1 file list (pad files
 *     included); none for v2-only torrents
 * @param multiFile whether the dictionary uses {@code files} (v1) or a file tree of several files or directories
 *     (v2), rather than a single file named like the torrent
 * @param files the v1 file list in order, pad files (BEP 47) included; for v2-only torrents the file tree's files
 * @param privateTorrent the {@code private} flag (BEP 27): peers only from the trackers
 * @param source the {@code source} string, which makes the info_hash differ per tracker, if any
 * @param format v1, v2 or hybrid
 * @param fileTree the v2 {@code file tree} flattened in key order, with pieces roots; empty for v1 torrents
 */
public record InfoDictionary(
        String name,
        int pieceLength,
        PieceHashes pieces,
        boolean multiFile,
        List<FileEntry> files,
        boolean privateTorrent,
        Optional<String> source,
        TorrentFormat format,
        List<FileTreeEntry> fileTree) {

    /**
     * Validates the shape: a safe name, a positive piece length, one file named like the torrent when
     * single-file, a matching piece count; for v2 a power-of-two piece length and a file tree; for hybrid the
     * same files in both lists, each file starting on a piece boundary.
     */
    public InfoDictionary {
        PathRules.check(name);
        files = List.copyOf(files);
        fileTree = List.copyOf(fileTree);
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be positive: " + pieceLength);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a torrent has at least one file");
        }
        if (!multiFile && (files.size() != 1 || !files.getFirst().path().equals(List.of(name)))) {
            throw new IllegalArgumentException("a single-file torrent has exactly one file named like the torrent");
        }
        long total = 0;
        for (FileEntry f : files) {
            total = Math.addExact(total, f.length());
        }
        long expected = format.hasV1() ? expectedPieceCount(total, pieceLength) : 0;
        if (pieces.count() != expected) {
            throw new IllegalArgumentException("expected " + expected + " piece hashes for " + total
                    + " bytes in pieces of " + pieceLength + ", got " + pieces.count());
        }
        if (format.hasV2()) {
            PieceLength.requireValidV2(pieceLength);
            String mismatch = V2Consistency.problem(files, fileTree, pieceLength, format);
            if (mismatch != null) {
                throw new IllegalArgumentException(mismatch);
            }
        } else if (!fileTree.isEmpty()) {
            throw new IllegalArgumentException("a v1 torrent has no file tree");
        }
    }

    /** A v1 info dictionary (BEP 3). */
    public InfoDictionary(String name, int pieceLength, PieceHashes pieces, boolean multiFile, List<FileEntry> files,
            boolean privateTorrent, Optional<String> source) {
        this(name, pieceLength, pieces, multiFile, files, privateTorrent, source, TorrentFormat.V1, List.of());
    }

    /** A v1 single-file info dictionary. */
    public static InfoDictionary singleFile(String name, long length, int pieceLength, PieceHashes pieces,
            boolean privateTorrent, Optional<String> source) {
        return new InfoDictionary(name, pieceLength, pieces, false, List.of(new FileEntry(List.of(name), length)),
                privateTorrent, source);
    }

    /** The number of pieces {@code total} bytes make in pieces of {@code pieceLength}: {@code ceil(total / pieceLength)}. */
    public static long expectedPieceCount(long total, int pieceLength) {
        return total == 0 ? 0 : (total - 1) / pieceLength + 1;
    }

    /** The sum of all file lengths in the v1 list, pad files included, in bytes. */
    public long totalLength() {
        long total = 0;
        for (FileEntry f : files) {
            total += f.length();
        }
        return total;
    }

    /** The content's length: the sum of all file lengths without pad files, in bytes. */
    public long contentLength() {
        long total = 0;
        for (FileEntry f : files) {
            total += f.padding() ? 0 : f.length();
        }
        return total;
    }

    /** The files that hold content, in order: the v1 list without pad files. */
    public List<FileEntry> contentFiles() {
        return files.stream().filter(f -> !f.padding()).toList();
    }
}
