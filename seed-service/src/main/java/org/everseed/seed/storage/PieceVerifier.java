package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.peer.Bitfield;

/**
 * Hashes v1 pieces (BEP 3; with their pad-file zeros in a hybrid torrent, BEP 47) and compares each SHA-1 with the
 * metainfo's {@code pieces}. Blocking I/O: run it on the verification pool. Reads through one direct buffer of
 * {@link #CHUNK} bytes per thread, kept for the thread's life, whatever the piece length.
 */
public final class PieceVerifier {
    /** Bytes read per call: 1 MiB. */
    static final int CHUNK = 1024 * 1024;
    /**
     * One read buffer per hashing thread (the verification pools are small and fixed), reused for every piece:
     * allocating a zeroed 1 MiB direct buffer per piece cost as much as hashing it.
     */
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK));

    private PieceVerifier() {
    }

    /**
     * The pieces of {@code file} that match {@code info}'s hashes (every piece hashed).
     *
     * @throws IOException if the file cannot be read
     */
    public static Bitfield verify(FileChannel file, InfoDictionary info) throws IOException {
        int count = info.pieces().count();
        Bitfield good = Bitfield.empty(count);
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.min(info.pieceLength(), CHUNK));
        MessageDigest sha1 = sha1();
        for (int index = 0; index < count; index++) {
            if (matches(file::read, info, index, buffer, sha1)) {
                good.set(index);
            }
        }
        return good;
    }

    /**
     * Whether piece {@code index} of the single file {@code file} matches its SHA-1 in {@code info}; a file too short
     * to hold the piece does not match.
     *
     * @throws IOException if the file cannot be read
     */
    public static boolean verifyPiece(FileChannel file, InfoDictionary info, int index) throws IOException {
        return matches(file::read, info, index, BUFFER.get(), SHA1.get());
    }

    /**
     * Whether piece {@code index} of a torrent's byte space ({@link OpenContent}: its files one after the other,
     * pad files as zeros) matches its SHA-1 in {@code info}; content too short to hold the piece does not match.
     *
     * @throws IOException if a file cannot be read
     */
    public static boolean verifyPiece(PositionalReader content, InfoDictionary info, int index) throws IOException {
        return matches(content, info, index, BUFFER.get(), SHA1.get());
    }

    private static boolean matches(PositionalReader file, InfoDictionary info, int index, ByteBuffer buffer,
            MessageDigest sha1) throws IOException {
        long position = (long) index * info.pieceLength();
        long end = Math.min(position + info.pieceLength(), info.totalLength());
        sha1.reset();
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = file.read(buffer, position);
            if (read <= 0) {
                return false; // the file shrank while we read
            }
            position += read;
            buffer.flip();
            sha1.update(buffer);
        }
        return MessageDigest.isEqual(sha1.digest(), info.pieces().hash(index));
    }

    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(PieceVerifier::sha1);

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
