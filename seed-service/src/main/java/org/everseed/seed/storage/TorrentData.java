package org.everseed.seed.storage;

import java.io.IOException;
import org.everseed.bittorrent.peer.Bitfield;

/**
 * A verified torrent file: its blob, opened on demand through the shared, bounded
 * {@link FileHandles}, and the pieces whose SHA-1 matched the metainfo. Only those pieces are ever
 * served.
 */
public final class TorrentData {
    private final FileHandles files;
    private final String blobKey;
    private final int pieceLength;
    private final long totalLength;
    private final Bitfield verified;

    /**
     * @param files the shared open files
     * @param blobKey the blob, {@code totalLength} bytes long
     * @param pieceLength bytes per piece
     * @param totalLength content length in bytes
     * @param verified pieces whose hash matched; not modified afterwards
     */
    public TorrentData(FileHandles files, String blobKey, int pieceLength, long totalLength, Bitfield verified) {
        this.files = files;
        this.blobKey = blobKey;
        this.pieceLength = pieceLength;
        this.totalLength = totalLength;
        this.verified = verified;
    }

    /**
     * A lease on the open blob for positional reads; close it when done.
     *
     * @throws IOException if the blob cannot be opened (it vanished)
     */
    public FileHandles.Lease open() throws IOException {
        return files.acquire(blobKey);
    }

    /** Number of pieces. */
    public int pieceCount() {
        return verified.pieceCount();
    }

    /** Whether piece {@code index} matched its hash and may be sent. */
    public boolean isVerified(int index) {
        return verified.has(index);
    }

    /** A copy of the verified pieces, for a bitfield message. */
    public Bitfield verifiedPieces() {
        Bitfield copy = Bitfield.empty(verified.pieceCount());
        for (int i = 0; i < verified.pieceCount(); i++) {
            if (verified.has(i)) {
                copy.set(i);
            }
        }
        return copy;
    }

    /** Whether every piece verified. */
    public boolean isComplete() {
        return verified.isComplete();
    }

    /** Length in bytes of piece {@code index} (the last one may be shorter); 0 outside the torrent. */
    public int pieceSize(int index) {
        if (index < 0 || index >= pieceCount()) {
            return 0;
        }
        long start = (long) index * pieceLength;
        return (int) Math.min(pieceLength, totalLength - start);
    }

    /**
     * Whether {@code [begin, begin + length)} is a non-empty range inside piece {@code index}.
     */
    public boolean isInsidePiece(int index, int begin, int length) {
        return length > 0 && begin >= 0 && (long) begin + length <= pieceSize(index);
    }

    /** File offset of byte {@code begin} of piece {@code index}. */
    public long fileOffset(int index, int begin) {
        return (long) index * pieceLength + begin;
    }

    /** Content length in bytes. */
    public long totalLength() {
        return totalLength;
    }
}
