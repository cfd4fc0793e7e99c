package org.everseed.portal.upload;

import java.util.Set;

/**
 * What the publisher asks of the torrent: its piece length and its format. Both optional; the
 * metafile service chooses when absent.
 *
 * @param pieceLength piece length in bytes, a power of two from {@value #MIN_PIECE_LENGTH} to
 *     {@value #MAX_PIECE_LENGTH} (BEP 52 requires a power of two of at least 16 KiB), or null
 * @param format {@code v1} (BEP 3), {@code v2} (BEP 52) or {@code hybrid} (both, BEP 47 pad files), or null
 */
public record TorrentOptions(Integer pieceLength, String format) {
    /** Smallest piece length accepted, in bytes (one block). */
    public static final int MIN_PIECE_LENGTH = 16 * 1024;
    /** Largest piece length accepted, in bytes. */
    public static final int MAX_PIECE_LENGTH = 16 * 1024 * 1024;
    /** The formats a publisher may ask for. */
    public static final Set<String> FORMATS = Set.of("v1", "v2", "hybrid");
    /** Nothing asked: the metafile service decides. */
    public static final TorrentOptions DEFAULTS = new TorrentOptions(null, null);

    /**
     * Checks both values.
     *
     * @throws UploadException if a value is given and not acceptable
     */
    public TorrentOptions {
        if (pieceLength != null && (pieceLength < MIN_PIECE_LENGTH || pieceLength > MAX_PIECE_LENGTH
                || Integer.bitCount(pieceLength) != 1)) {
            throw new UploadException("pieceLength must be a power of two from " + MIN_PIECE_LENGTH + " to "
                    + MAX_PIECE_LENGTH + " bytes, got " + pieceLength);
        }
        if (format != null && !FORMATS.contains(format)) {
            throw new UploadException("format must be v1, v2 or hybrid, got '" + format + "'");
        }
    }

    /**
     * Options from request text, where an empty value means absent.
     *
     * @throws UploadException if a value is malformed or not acceptable
     */
    public static TorrentOptions parse(String pieceLength, String format) {
        Integer length = null;
        if (pieceLength != null && !pieceLength.isBlank()) {
            try {
                length = Integer.valueOf(pieceLength.strip());
            } catch (NumberFormatException e) {
                throw new UploadException("pieceLength must be a number of bytes, got '" + pieceLength + "'");
            }
        }
        return new TorrentOptions(length, format == null || format.isBlank() ? null : format.strip());
    }

    /** These options, with each value absent here taken from {@code fallback}. */
    public TorrentOptions orElse(TorrentOptions fallback) {
        return new TorrentOptions(pieceLength != null ? pieceLength : fallback.pieceLength,
                format != null ? format : fallback.format);
    }
}
