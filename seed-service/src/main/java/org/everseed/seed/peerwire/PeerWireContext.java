package org.everseed.seed.peerwire;

import java.util.concurrent.atomic.AtomicLong;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.seed.config.SeedProperties;
import org.everseed.seed.session.TorrentRegistry;
import org.everseed.seed.session.UploadSlots;

/**
 * What every peer connection shares: the settings, the served torrents, the upload slots, our
 * peer_id and the upload counter.
 *
 * @param properties the everseed settings
 * @param registry the served torrents
 * @param slots the upload slots
 * @param localPeerId our peer_id
 * @param uploadedBytes bytes of blocks written to peers since start
 */
record PeerWireContext(SeedProperties properties, TorrentRegistry registry, UploadSlots slots, PeerId localPeerId,
                       AtomicLong uploadedBytes) {

    void uploaded(long bytes) {
        uploadedBytes.addAndGet(bytes);
    }
}
