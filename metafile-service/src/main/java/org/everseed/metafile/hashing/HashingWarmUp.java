package org.everseed.metafile.hashing;

import java.nio.ByteBuffer;
import org.everseed.bittorrent.metainfo.ContentHashes;
import org.everseed.bittorrent.metainfo.ContentLayout;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.everseed.bittorrent.metainfo.UnitHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Once the service is ready, hashes {@link #BYTES} of zeros in memory as a hybrid torrent on a background daemon
 * thread, so that the JIT compiles the SHA-1 and SHA-256 paths (the digest intrinsics run only in compiled code)
 * before the first upload: the first large file then hashes at full speed. About 0.1 s of one core; no I/O.
 */
@Component
public class HashingWarmUp implements ApplicationListener<ApplicationReadyEvent> {
    /** Bytes hashed by the warm-up: 64 MiB. */
    public static final int BYTES = 64 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HashingWarmUp.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread.ofPlatform().daemon().name("hashing-warm-up").start(HashingWarmUp::run);
    }

    /** Hashes the zeros; returns the time taken in milliseconds. */
    static long run() {
        long started = System.nanoTime();
        int piece = 1024 * 1024;
        ContentLayout layout = ContentLayout.singleFile(TorrentFormat.HYBRID, "warm-up", BYTES, piece);
        ContentHashes hashes = new ContentHashes(layout);
        UnitHasher hasher = new UnitHasher(layout);
        ByteBuffer zeros = ByteBuffer.allocateDirect(piece);
        for (int u = 0; u < layout.unitCount(); u++) {
            hasher.hash(layout.unit(u), zeros.clear(), hashes);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.debug("hashing warmed up in {} ms", millis);
        return millis;
    }
}
