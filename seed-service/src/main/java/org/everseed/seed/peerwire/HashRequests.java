package org.everseed.seed.peerwire;

import java.util.concurrent.CompletableFuture;
import org.everseed.bittorrent.peer.PeerMessage;
import org.everseed.bittorrent.peer.PeerMessage.HashReject;
import org.everseed.bittorrent.peer.PeerMessage.HashRequest;
import org.everseed.bittorrent.peer.PeerMessage.Hashes;
import org.everseed.seed.storage.TorrentData;

/**
 * Answers BEP 52 {@code hash request}s from a torrent's merkle hashes ({@link TorrentData#hashes}): {@code hashes}
 * with the requested run and its proof, at any layer from the 16 KiB blocks up, or {@code hash reject} for a v1
 * torrent, a pieces root of no file of the torrent, or a run that cannot be answered. Stateless.
 */
final class HashRequests {

    /** The answer to {@code request} for {@code data}'s torrent; completes at once unless block hashes are read. */
    CompletableFuture<PeerMessage> answer(TorrentData data, HashRequest request) {
        return data.hashes(request.piecesRoot(), request.baseLayer(), request.index(), request.length(),
                        request.proofLayers())
                .thenApply(hashes -> hashes.<PeerMessage>map(h -> new Hashes(request.piecesRoot(), request.baseLayer(),
                                request.index(), request.length(), request.proofLayers(), h))
                        .orElseGet(() -> new HashReject(request.piecesRoot(), request.baseLayer(), request.index(),
                                request.length(), request.proofLayers())));
    }
}
