package org.everseed.bittorrent.bencode;

/**
 * A half-open range of byte offsets {@code [start, end)} in a decoded input: where a value's exact
 * encoding stands, so that it can be hashed as received (BEP 3: the info_hash is the SHA-1 of the
 * bencoded info dictionary as found in the .torrent).
 *
 * @param start offset of the first byte
 * @param end offset just past the last byte
 */
public record Span(int start, int end) {

    /** Checks {@code 0 <= start <= end}. */
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** The length in bytes. */
    public int length() {
        return end - start;
    }
}
