package org.everseed.seed.peerwire;

import java.util.Arrays;
import org.everseed.bittorrent.peer.PeerMessage;
import org.everseed.bittorrent.peer.PeerMessage.HashReject;
import org.everseed.bittorrent.peer.PeerMessage.HashRequest;
import org.everseed.bittorrent.peer.PeerMessage.Hashes;
import org.everseed.seed.storage.MerkleHashes;
import org.everseed.seed.storage.TorrentData;

/**
 * Answers BEP 52 {@code hash request}s from a torrent's merkle hashes: {@code hashes} with the requested run and its
 * proof, or {@code hash reject} for a v1 torrent, another file's pieces root, or a run that is not kept (see
 * {@link MerkleHashes#hashes}). Stateless.
 */
final class HashRequests {

    /** The answer to {@code request} for {@code data}'s torrent. */
    PeerMessage answer(TorrentData data, HashRequest request) {
        MerkleHashes tree = data.merkleHashes().orElse(null);
        if (tree != null && Arrays.equals(tree.piecesRoot(), request.piecesRoot())) {
            byte[] hashes = tree.hashes(request.baseLayer(), request.index(), request.length(), request.proofLayers())
                    .orElse(null);
            if (hashes != null) {
                return new Hashes(request.piecesRoot(), request.baseLayer(), request.index(), request.length(),
                        request.proofLayers(), hashes);
            }
        }
        return new HashReject(request.piecesRoot(), request.baseLayer(), request.index(), request.length(),
                request.proofLayers());
    }
}
