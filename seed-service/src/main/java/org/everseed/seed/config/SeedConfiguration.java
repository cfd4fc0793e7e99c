package org.everseed.seed.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.seed.session.UploadSlots;
import org.everseed.seed.storage.FileHandles;
import org.everseed.storage.BlobStorage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the everseed parts: our peer_id, the upload slots, the open files and the piece verification pool. */
@Configuration(proxyBeanMethods = false)
public class SeedConfiguration {

    /** This process's peer_id (BEP 3, BEP 20 tag), the same on the wire and in announces. */
    @Bean
    public PeerId localPeerId(SeedProperties properties) {
        return PeerId.generate(properties.peerIdPrefix());
    }

    /** The upload slots shared by all torrents ({@code upload-slots}, plus one optimistic slot unless disabled). */
    @Bean
    public UploadSlots uploadSlots(SeedProperties properties) {
        return new UploadSlots(properties.uploadSlots(), !properties.optimisticUnchokeInterval().isZero());
    }

    /** The shared, bounded open blob files ({@code max-open-files}). */
    @Bean(destroyMethod = "close")
    public FileHandles fileHandles(BlobStorage blobs, SeedProperties properties) {
        return new FileHandles(blobs, properties.maxOpenFiles());
    }

    /** Threads that hash stored files (blocking I/O, never on an event loop). */
    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService verificationExecutor(SeedProperties properties) {
        return Executors.newFixedThreadPool(properties.verifyThreads(),
                Thread.ofPlatform().name("seed-verify-", 0).daemon().factory());
    }

    /**
     * The one thread that hashes whole files ahead of their peers' requests ({@code TorrentData.verifyAhead}), one
     * torrent after another, beside the on-demand pool.
     */
    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService verifyAheadExecutor() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("seed-verify-ahead").daemon().factory());
    }
}
