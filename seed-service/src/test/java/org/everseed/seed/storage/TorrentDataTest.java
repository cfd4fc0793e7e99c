package org.everseed.seed.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.PieceHashes;
import org.everseed.storage.FilesystemBlobStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lazy per-piece verification: cached, once per piece, a mismatch or a vanished file breaks the torrent once. */
class TorrentDataTest {
    private static final int PIECE = 64 * 1024;
    @TempDir
    Path dir;
    private final AtomicInteger hashings = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ExecutorService counting = new java.util.concurrent.AbstractExecutorService() {
        @Override public void execute(Runnable r) {
            hashings.incrementAndGet();
            pool.execute(r);
        }
        @Override public void shutdown() { }
        @Override public List<Runnable> shutdownNow() { return List.of(); }
        @Override public boolean isShutdown() { return false; }
        @Override public boolean isTerminated() { return false; }
        @Override public boolean awaitTermination(long t, TimeUnit u) { return true; }
    };
    private final List<DataProblem> problems = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private record Stored(FilesystemBlobStorage blobs, InfoDictionary info, byte[] content) { }

    private Stored store(int corruptPiece) throws Exception {
        byte[] content = new byte[PIECE * 3 + 100];
        new Random(3).nextBytes(content);
        byte[] hashes = new byte[4 * 20];
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (int i = 0; i < 4; i++) {
            sha1.update(content, i * PIECE, Math.min(PIECE, content.length - i * PIECE));
            System.arraycopy(sha1.digest(), 0, hashes, i * 20, 20);
        }
        InfoDictionary info = InfoDictionary.singleFile("f.bin", content.length, PIECE, PieceHashes.of(hashes), false,
                Optional.empty());
        byte[] stored = content.clone();
        if (corruptPiece >= 0) {
            stored[corruptPiece * PIECE + 9] ^= 1;
        }
        FilesystemBlobStorage blobs = new FilesystemBlobStorage(dir.resolve("blobs"));
        Files.createDirectories(dir.resolve("blobs/k"));
        Files.write(dir.resolve("blobs/k/f.bin"), stored);
        return new Stored(blobs, info, content);
    }

    private TorrentDataLoader loader(Stored s) {
        return new TorrentDataLoader(new FileHandles(s.blobs(), 4), s.blobs(), counting, pool);
    }

    @Test
    void aPieceIsHashedOnceOnFirstRequestAndTheResultCached() throws Exception {
        Stored s = store(-1);
        TorrentData data = loader(s).load("k/f.bin", s.info(), problems::add);
        assertThat(data.isVerified(1)).isFalse();
        assertThat(data.verify(1).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(data.verify(1).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(data.verify(3).get(10, TimeUnit.SECONDS)).as("short last piece").isTrue();
        assertThat(hashings).hasValue(2);
        assertThat(data.isVerified(1)).isTrue();
        assertThat(data.verifiedCount()).isEqualTo(2);
        assertThat(data.pieceSize(3)).isEqualTo(100);
        assertThat(data.isInsidePiece(3, 0, 100)).isTrue();
        assertThat(data.isInsidePiece(3, 1, 100)).isFalse();
        assertThat(data.isInsidePiece(4, 0, 1)).isFalse();
        assertThat(data.isInsidePiece(0, 0, 0)).isFalse();
        assertThat(data.verify(4).get(10, TimeUnit.SECONDS)).as("beyond the last piece").isFalse();
        assertThat(problems).isEmpty();
        assertThat(data.isHealthy()).isTrue();
    }

    @Test
    void readAheadHashesEveryPieceOnceOnItsOwnThreadAndStopsAtAMismatch() throws Exception {
        Stored s = store(-1);
        TorrentData data = loader(s).load("k/f.bin", metainfo(s), problems::add);
        assertThat(data.verify(1).get(10, TimeUnit.SECONDS)).isTrue();            // one on demand first
        data.verifyAhead();
        data.verifyAhead();                                                       // once per torrent
        awaitVerified(data, 4);
        assertThat(hashings).as("only the on-demand piece went to the verification pool").hasValue(1);

        Stored corrupt = store(2);
        TorrentData broken = loader(corrupt).load("k/f.bin", metainfo(corrupt), problems::add);
        broken.verifyAhead();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (broken.isHealthy() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(broken.isHealthy()).isFalse();
        assertThat(broken.isVerified(2)).isFalse();
        assertThat(broken.isVerified(3)).as("stopped at the mismatch").isFalse();
        assertThat(problems).hasSize(1);
    }

    private static org.everseed.bittorrent.metainfo.Metainfo metainfo(Stored s) {
        return org.everseed.bittorrent.metainfo.Metainfo.create(s.info(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void awaitVerified(TorrentData data, int pieces) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (data.verifiedCount() < pieces && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(data.verifiedCount()).isEqualTo(pieces);
    }

    @Test
    void aPieceThatDoesNotMatchIsNeverVerifiedAndBreaksTheTorrentOnce() throws Exception {
        Stored s = store(2);
        TorrentData data = loader(s).load("k/f.bin", s.info(), problems::add);
        assertThat(data.verify(0).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(data.verify(2).get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(data.isVerified(2)).isFalse();
        assertThat(data.isHealthy()).isFalse();
        assertThat(data.verify(1).get(10, TimeUnit.SECONDS)).as("nothing more once broken").isFalse();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(DataProblem.Kind.CHANGED);
            assertThat(p.detail()).contains("piece 2");
        });
    }

    @Test
    void aVanishedOrRewrittenBlobIsNoticedByTheCheckAndAWrongLengthIsRefusedAtLoad() throws Exception {
        Stored s = store(-1);
        TorrentDataLoader loader = loader(s);
        TorrentData data = loader.load("k/f.bin", s.info(), problems::add);
        assertThat(loader.check(data)).isEmpty();
        Path file = dir.resolve("blobs/k/f.bin");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1000));
        assertThat(loader.check(data)).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(DataProblem.Kind.CHANGED));
        Files.delete(file);
        assertThat(loader.check(data)).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(DataProblem.Kind.MISSING));
        assertThatThrownBy(() -> loader.load("k/f.bin", s.info(), problems::add))
                .isInstanceOf(TorrentDataException.class).hasMessageContaining("does not exist");
        Files.write(file, new byte[10]);
        assertThatThrownBy(() -> loader.load("k/f.bin", s.info(), problems::add))
                .isInstanceOf(TorrentDataException.class).hasMessageContaining("has 10 bytes");
    }
}
