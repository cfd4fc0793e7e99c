package org.everseed.bittorrent.metainfo;

import java.util.List;

/**
 * One piece's worth of content to hash, as laid out by {@link ContentLayout}: where its bytes are, and which
 * hashes it yields. A v1 piece may span several files; a v2 (and hybrid) piece lies within one file, and in a
 * hybrid multi-file torrent the v1 piece ends with the zeros of a pad file.
 *
 * @param index the unit's index in {@link ContentLayout#unit(int)}
 * @param v1Piece the v1 piece index whose SHA-1 this unit yields, or -1 (v2-only)
 * @param v2File the index of the content file whose merkle tree this unit feeds, or -1 (v1-only)
 * @param v2Piece the piece index within that file, or -1
 * @param segments the byte ranges to read, in order
 * @param zeroPadding pad-file zeros that follow the segments in the v1 piece (BEP 47), in bytes
 */
public record HashUnit(int index, int v1Piece, int v2File, int v2Piece, List<Segment> segments, int zeroPadding) {

    /** Copies the segments. */
    public HashUnit {
        segments = List.copyOf(segments);
    }

    /** The number of content bytes: the sum of the segment lengths. */
    public int length() {
        int n = 0;
        for (Segment s : segments) {
            n += s.length();
        }
        return n;
    }

    /**
     * A byte range of one content file.
     *
     * @param file index into {@link ContentLayout#files()}
     * @param offset first byte within the file
     * @param length number of bytes, positive
     */
    public record Segment(int file, long offset, int length) {
    }
}
