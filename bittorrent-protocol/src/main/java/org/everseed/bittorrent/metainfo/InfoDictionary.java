package org.everseed.bittorrent.metainfo;

import java.util.List;
import java.util.Optional;

/**
 * The v1 info dictionary of a torrent (BEP 3), the part that the info_hash covers.
 *
 * @param name suggested file name (single-file) or directory name (multi-file), UTF-8
 * @param pieceLength bytes per piece, positive (every piece but the last has this length)
 * @param pieces SHA-1 of every piece; their count is {@code ceil(totalLength / pieceLength)}
 * @param multiFile whether the dictionary uses {@code files} (true) or {@code length} (false)
 * @param files the files in order; a single-file torrent has exactly one, whose path is {@code [name]}
 * @param privateTorrent the {@code private} flag (BEP 27): peers only from the trackers
 * @param source the {@code source} string, which makes the info_hash differ per tracker, if any
 */
public record InfoDictionary(
        String name,
        int pieceLength,
        PieceHashes pieces,
        boolean multiFile,
        List<FileEntry> files,
        boolean privateTorrent,
        Optional<String> source) {

    /** Validates the shape: a safe name, a positive piece length, one file when single-file, a matching piece count. */
    public InfoDictionary {
        PathRules.check(name);
        files = List.copyOf(files);
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be positive: " + pieceLength);
        }
        if (!multiFile && (files.size() != 1 || !files.getFirst().path().equals(List.of(name)))) {
            throw new IllegalArgumentException("a single-file torrent has exactly one file named like the torrent");
        }
        long total = 0;
        for (FileEntry f : files) {
            total = Math.addExact(total, f.length());
        }
        long expected = expectedPieceCount(total, pieceLength);
        if (pieces.count() != expected) {
            throw new IllegalArgumentException("expected " + expected + " piece hashes for " + total
                    + " bytes in pieces of " + pieceLength + ", got " + pieces.count());
        }
    }

    /** A single-file info dictionary. */
    public static InfoDictionary singleFile(String name, long length, int pieceLength, PieceHashes pieces,
            boolean privateTorrent, Optional<String> source) {
        return new InfoDictionary(name, pieceLength, pieces, false, List.of(new FileEntry(List.of(name), length)),
                privateTorrent, source);
    }

    /** The number of pieces {@code total} bytes make in pieces of {@code pieceLength}: {@code ceil(total / pieceLength)}. */
    public static long expectedPieceCount(long total, int pieceLength) {
        return total == 0 ? 0 : (total - 1) / pieceLength + 1;
    }

    /** The sum of all file lengths, in bytes. */
    public long totalLength() {
        long total = 0;
        for (FileEntry f : files) {
            total += f.length();
        }
        return total;
    }
}
