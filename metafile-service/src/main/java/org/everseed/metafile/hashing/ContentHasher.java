package org.everseed.metafile.hashing;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.everseed.bittorrent.metainfo.ContentHashes;
import org.everseed.bittorrent.metainfo.ContentLayout;
import org.everseed.bittorrent.metainfo.HashUnit;
import org.everseed.bittorrent.metainfo.UnitHasher;

/**
 * Hashes the content of a new torrent in one pass on all cores, for any format: the layout's hash units are split
 * into one contiguous run per thread (so each thread reads sequentially), and each thread reads its units with
 * positional {@link FileChannel#read(ByteBuffer, long)} calls (no shared file position) into its own direct buffer
 * of one piece, then hashes it with its own {@link UnitHasher}: SHA-1 and SHA-256 from the same bytes while they are
 * in cache (v1, v2 and hybrid, BEP 3 and BEP 52). Blocking: call it off the event loop. Thread-safe;
 * {@link #close()} stops the threads.
 */
public final class ContentHasher implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads how many runs are hashed at once, at least 1
     */
    public ContentHasher(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("piece-hasher-", 0).daemon().factory());
    }

    /**
     * Hashes the content of {@code layout}, whose file {@code i} is read from {@code channels.get(i)}.
     *
     * @throws EOFException if a channel ends before its file's length
     * @throws IOException if a read fails
     * @throws InterruptedException if interrupted while waiting for the threads
     */
    public ContentHashes hash(ContentLayout layout, List<FileChannel> channels) throws IOException, InterruptedException {
        if (channels.size() != layout.files().size()) {
            throw new IllegalArgumentException(layout.files().size() + " files but " + channels.size() + " channels");
        }
        ContentHashes hashes = new ContentHashes(layout);
        int count = layout.unitCount();
        int runs = Math.max(1, Math.min(threads, count));
        List<Future<Void>> futures = new ArrayList<>(runs);
        for (int run = 0; run < runs; run++) {
            int first = (int) ((long) count * run / runs);
            int end = (int) ((long) count * (run + 1) / runs);
            futures.add(pool.submit(() -> {
                hashRun(layout, channels, first, end, hashes);
                return null;
            }));
        }
        try {
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("piece hashing failed", e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        return hashes;
    }

    private static void hashRun(ContentLayout layout, List<FileChannel> channels, int first, int end, ContentHashes into)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(layout.pieceLength());
        UnitHasher hasher = new UnitHasher(layout);
        for (int u = first; u < end; u++) {
            HashUnit unit = layout.unit(u);
            buffer.clear();
            for (HashUnit.Segment s : unit.segments()) {
                read(channels.get(s.file()), buffer, s);
            }
            hasher.hash(unit, buffer.flip(), into);
        }
    }

    /** Appends the segment's bytes to {@code buffer}. */
    private static void read(FileChannel channel, ByteBuffer buffer, HashUnit.Segment s) throws IOException {
        int start = buffer.position();
        buffer.limit(start + s.length());
        while (buffer.hasRemaining()) {
            long at = s.offset() + buffer.position() - start;
            if (channel.read(buffer, at) < 0) {
                throw new EOFException("file ends at " + at + ", expected " + (s.offset() + s.length()) + " bytes");
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
