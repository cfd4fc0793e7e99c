package org.everseed.bittorrent.metainfo;

import java.util.OptionalLong;
import org.everseed.bittorrent.bencode.BencodeException;

/**
 * A .torrent is malformed, breaks a BEP rule or a {@link MetainfoLimits} bound. Carries a reason in
 * words and, where known, the byte offset in the input at which the problem was found (for bencode
 * syntax errors, the decoder's offset; for a bad field, the offset of its value).
 */
public final class MetainfoException extends RuntimeException {
    private static final long UNKNOWN = -1;
    private final String reason;
    private final long offset;

    /**
     * @param reason what is wrong
     * @param offset byte offset in the input, or a negative number if unknown
     */
    public MetainfoException(String reason, long offset) {
        super(offset >= 0 ? reason + " at byte " + offset : reason);
        this.reason = reason;
        this.offset = offset < 0 ? UNKNOWN : offset;
    }

    /** An error without a known position. */
    public MetainfoException(String reason) {
        this(reason, UNKNOWN);
    }

    /** Wraps a bencode syntax error, keeping its offset. */
    public static MetainfoException of(BencodeException cause) {
        MetainfoException e = new MetainfoException("not valid bencode: " + cause.reason(), cause.offset());
        e.initCause(cause);
        return e;
    }

    /** What is wrong, without the offset. */
    public String reason() {
        return reason;
    }

    /** The byte offset in the input where the problem was found, if known. */
    public OptionalLong offset() {
        return offset >= 0 ? OptionalLong.of(offset) : OptionalLong.empty();
    }
}
