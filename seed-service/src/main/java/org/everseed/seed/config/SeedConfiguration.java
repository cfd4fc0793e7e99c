package org.everseed.seed.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.seed.session.UploadSlots;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the everseed parts: our peer_id, the upload slots and the piece verification pool. */
@Configuration(proxyBeanMethods = false)
public class SeedConfiguration {

    /** This process's peer_id (BEP 3, BEP 20 tag), the same on the wire and in announces. */
    @Bean
    public PeerId localPeerId(SeedProperties properties) {
        return PeerId.generate(properties.peerIdPrefix());
    }

    /** The upload slots shared by all torrents ({@code upload-slots}). */
    @Bean
    public UploadSlots uploadSlots(SeedProperties properties) {
        return new UploadSlots(properties.uploadSlots());
    }

    /** Threads that hash stored files (blocking I/O, never on an event loop). */
    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService verificationExecutor(SeedProperties properties) {
        return Executors.newFixedThreadPool(properties.verifyThreads(),
                Thread.ofPlatform().name("seed-verify-", 0).daemon().factory());
    }
}
