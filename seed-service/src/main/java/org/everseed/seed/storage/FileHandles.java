package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.everseed.storage.BlobStorage;

/**
 * The open blob files, shared and bounded: a channel is opened on first use, shared by every lease on
 * the same blob, and kept open after its last lease is released until more than {@code capacity}
 * files are open; then the least recently used unleased ones are closed. Leased files are never
 * closed, so the bound is soft while more than {@code capacity} blobs are in use at once. Thread-safe.
 * Opening a file is a short blocking call, done under this object's lock.
 */
public final class FileHandles implements AutoCloseable {
    private final BlobStorage blobs;
    private final int capacity;
    private final LinkedHashMap<String, Entry> open = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param blobs where the files are
     * @param capacity most files kept open without a lease, at least 1
     */
    public FileHandles(BlobStorage blobs, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.blobs = blobs;
        this.capacity = capacity;
    }

    /**
     * A lease on the open file of {@code blobKey}; close the lease (once) when done with the channel.
     *
     * @throws IOException if the blob cannot be opened (e.g. {@code NoSuchFileException})
     */
    public synchronized Lease acquire(String blobKey) throws IOException {
        Entry entry = open.get(blobKey);
        if (entry == null || !entry.channel.isOpen()) {
            entry = new Entry(blobs.openRead(blobKey));
            open.put(blobKey, entry);
        }
        entry.leases++;
        trim();
        return new Lease(blobKey, entry);
    }

    /** Files open now, leased or not. */
    public synchronized int openFiles() {
        return open.size();
    }

    private synchronized void release(String blobKey, Entry entry) {
        entry.leases--;
        trim();
    }

    private void trim() {
        Iterator<Map.Entry<String, Entry>> lru = open.entrySet().iterator();
        while (open.size() > capacity && lru.hasNext()) {
            Entry candidate = lru.next().getValue();
            if (candidate.leases == 0) {
                lru.remove();
                closeQuietly(candidate.channel);
            }
        }
    }

    /** Closes every file, leased or not. */
    @Override
    public synchronized void close() {
        open.values().forEach(e -> closeQuietly(e.channel));
        open.clear();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it: closing a read-only channel loses nothing
        }
    }

    private static final class Entry {
        private final FileChannel channel;
        private int leases;

        Entry(FileChannel channel) {
            this.channel = channel;
        }
    }

    /** The use of one open file; {@link #close()} releases it (idempotent). Positional reads are thread-safe. */
    public final class Lease implements AutoCloseable {
        private final String blobKey;
        private final Entry entry;
        private boolean released;

        private Lease(String blobKey, Entry entry) {
            this.blobKey = blobKey;
            this.entry = entry;
        }

        /** The open channel; valid until this lease is closed. */
        public FileChannel channel() {
            return entry.channel;
        }

        @Override
        public void close() {
            synchronized (FileHandles.this) {
                if (!released) {
                    released = true;
                    release(blobKey, entry);
                }
            }
        }
    }
}
