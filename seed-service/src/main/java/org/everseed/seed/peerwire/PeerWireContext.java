package org.everseed.seed.peerwire;

import java.util.concurrent.atomic.AtomicLong;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.seed.config.SeedProperties;
import org.everseed.seed.session.TorrentRegistry;
import org.everseed.seed.session.UploadSlots;

/**
 * What every peer connection shares: the settings, the served torrents, the upload slots, our
 * peer_id, the upload counter and the block writer.
 *
 * @param properties the everseed settings
 * @param registry the served torrents
 * @param slots the upload slots
 * @param localPeerId our peer_id
 * @param uploadedBytes bytes of blocks written to peers since start
 * @param blocks how blocks are written
 * @param hashes answers BEP 52 hash requests
 */
record PeerWireContext(SeedProperties properties, TorrentRegistry registry, UploadSlots slots, PeerId localPeerId,
                       AtomicLong uploadedBytes, BlockWriter blocks, HashRequests hashes) {

    void uploaded(long bytes) {
        uploadedBytes.addAndGet(bytes);
    }
}
