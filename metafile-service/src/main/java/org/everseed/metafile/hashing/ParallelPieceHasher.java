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
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.PieceHasher;
import org.everseed.bittorrent.metainfo.PieceHashes;

/**
 * Computes the v1 piece hashes (SHA-1, BEP 3) of a file in one pass on all cores: the pieces are split into
 * one contiguous run per thread, and each thread reads its run with positional {@link FileChannel#read(ByteBuffer, long)}
 * calls (no shared file position) into its own direct buffer of one piece, then hashes it. Blocking: call it off
 * the event loop. Thread-safe; {@link #close()} stops the threads.
 */
public final class ParallelPieceHasher implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads how many runs are hashed at once, at least 1
     */
    public ParallelPieceHasher(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("piece-hasher-", 0).daemon().factory());
    }

    /**
     * Hashes the first {@code length} bytes of {@code channel} in pieces of {@code pieceLength}.
     *
     * @throws EOFException if the channel ends before {@code length} bytes
     * @throws IOException if a read fails
     * @throws InterruptedException if interrupted while waiting for the threads
     */
    public PieceHashes hash(FileChannel channel, long length, int pieceLength) throws IOException, InterruptedException {
        long pieces = InfoDictionary.expectedPieceCount(length, pieceLength);
        if (pieces > Integer.MAX_VALUE / PieceHashes.HASH_LENGTH) {
            throw new IllegalArgumentException(length + " bytes make too many pieces of " + pieceLength);
        }
        int count = (int) pieces;
        PieceHashes.Collector collector = new PieceHashes.Collector(count);
        int runs = Math.max(1, Math.min(threads, count));
        List<Future<Void>> futures = new ArrayList<>(runs);
        for (int run = 0; run < runs; run++) {
            int first = (int) ((long) count * run / runs);
            int end = (int) ((long) count * (run + 1) / runs);
            futures.add(pool.submit(() -> {
                hashRun(channel, length, pieceLength, first, end, collector);
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
        return collector.build();
    }

    private static void hashRun(FileChannel channel, long length, int pieceLength, int first, int end,
            PieceHashes.Collector collector) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(pieceLength);
        for (int piece = first; piece < end; piece++) {
            long offset = (long) piece * pieceLength;
            int size = (int) Math.min(pieceLength, length - offset);
            buffer.clear().limit(size);
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, offset + buffer.position());
                if (n < 0) {
                    throw new EOFException("blob ends at " + (offset + buffer.position()) + " of " + length + " bytes");
                }
            }
            buffer.flip();
            collector.put(piece, PieceHasher.hashPiece(buffer));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
