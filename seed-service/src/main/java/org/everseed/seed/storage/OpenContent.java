package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * The open content files of one torrent, for one user (a peer connection, or one piece hashing): each file's blob is
 * leased from the shared {@link FileHandles} on first use and released by {@link #close()}. Reads the torrent's byte
 * space ({@link StorageLayout}): file bytes from the blobs, zeros for pad files and v2 padding. Not thread-safe: one
 * user at a time; positional reads of the channels themselves are.
 */
public final class OpenContent implements PositionalReader, AutoCloseable {
    private final FileHandles files;
    private final List<String> blobKeys;
    private final StorageLayout layout;
    private final FileHandles.Lease[] leases;

    OpenContent(FileHandles files, List<String> blobKeys, StorageLayout layout) {
        this.files = files;
        this.blobKeys = blobKeys;
        this.layout = layout;
        this.leases = new FileHandles.Lease[blobKeys.size()];
    }

    /** The layout of the torrent's byte space. */
    public StorageLayout layout() {
        return layout;
    }

    /**
     * The open blob of content file {@code file}, leased on first use.
     *
     * @throws IOException if the blob cannot be opened (e.g. {@code NoSuchFileException}: it vanished)
     */
    public FileChannel channel(int file) throws IOException {
        FileHandles.Lease lease = leases[file];
        if (lease == null) {
            lease = files.acquire(blobKeys.get(file));
            leases[file] = lease;
        }
        return lease.channel();
    }

    /**
     * Reads the torrent's bytes from {@code position} (in its byte space) until {@code dst} is full or the laid-out
     * content ends; bytes in gaps and pad files are zeros.
     *
     * @return the number of bytes read, -1 at or after the end of the content
     * @throws java.io.EOFException if a blob ends before its file's length (it shrank)
     */
    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int start = dst.position();
        long pos = position;
        while (dst.hasRemaining()) {
            int span = layout.spanAt(pos);
            if (span < 0) {
                int next = -span - 1;
                if (next >= layout.spanCount()) {
                    break;
                }
                int zeros = (int) Math.min(dst.remaining(), layout.spanStart(next) - pos);
                fill(dst, zeros);
                pos += zeros;
                continue;
            }
            int take = (int) Math.min(dst.remaining(), layout.spanEnd(span) - pos);
            int file = layout.spanFile(span);
            if (file == StorageLayout.ZEROS) {
                fill(dst, take);
            } else {
                readFully(channel(file), dst, pos - layout.spanStart(span), take);
            }
            pos += take;
        }
        int read = dst.position() - start;
        return read > 0 || start == dst.limit() ? read : -1;
    }

    private static void fill(ByteBuffer dst, int zeros) {
        for (int i = 0; i < zeros; i++) {
            dst.put((byte) 0);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer dst, long position, int length) throws IOException {
        int limit = dst.limit();
        dst.limit(dst.position() + length);
        try {
            while (dst.hasRemaining()) {
                if (channel.read(dst, position + length - dst.remaining()) < 0) {
                    throw new java.io.EOFException("a blob ends before byte " + (position + length));
                }
            }
        } finally {
            dst.limit(limit);
        }
    }

    /** Releases every lease taken. */
    @Override
    public void close() {
        for (int i = 0; i < leases.length; i++) {
            if (leases[i] != null) {
                leases[i].close();
                leases[i] = null;
            }
        }
    }
}
