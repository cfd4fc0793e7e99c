package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.peer.Bitfield;

/**
 * Hashes a stored file piece by piece and compares each SHA-1 with the metainfo's {@code pieces}
 * (BEP 3). Blocking I/O: run it on the verification pool. Reads through one direct buffer of at
 * most {@link #CHUNK} bytes, whatever the piece length.
 */
public final class PieceVerifier {
    /** Bytes read per call: 1 MiB. */
    static final int CHUNK = 1024 * 1024;

    private PieceVerifier() {
    }

    /**
     * The pieces of {@code file} that match {@code info}'s hashes.
     *
     * @throws IOException if the file cannot be read
     */
    public static Bitfield verify(FileChannel file, InfoDictionary info) throws IOException {
        int count = info.pieces().count();
        int pieceLength = info.pieceLength();
        long total = info.totalLength();
        Bitfield good = Bitfield.empty(count);
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.min(pieceLength, CHUNK));
        MessageDigest sha1 = sha1();
        for (int index = 0; index < count; index++) {
            long position = (long) index * pieceLength;
            long end = Math.min(position + pieceLength, total);
            while (position < end) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                int read = file.read(buffer, position);
                if (read < 0) {
                    return good; // the file shrank while we read: the rest stays unverified
                }
                position += read;
                buffer.flip();
                sha1.update(buffer);
            }
            if (MessageDigest.isEqual(sha1.digest(), info.pieces().hash(index))) {
                good.set(index);
            }
        }
        return good;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
