package org.everseed.bittorrent.peer;

import java.util.Arrays;
import org.everseed.bittorrent.peer.PeerMessage.HashAddress;

/** Checks and comparisons shared by the BEP 52 hash messages. */
final class Hashing {
    private Hashing() {
    }

    /** A copy of {@code piecesRoot}, which must be 32 bytes. */
    static byte[] root(byte[] piecesRoot) {
        if (piecesRoot.length != HashAddress.HASH_LENGTH) {
            throw new IllegalArgumentException("a pieces root is 32 bytes, got " + piecesRoot.length);
        }
        return piecesRoot.clone();
    }

    static boolean sameAddress(HashAddress a, HashAddress b) {
        return Arrays.equals(a.piecesRoot(), b.piecesRoot()) && a.baseLayer() == b.baseLayer() && a.index() == b.index()
                && a.length() == b.length() && a.proofLayers() == b.proofLayers();
    }

    static int hash(HashAddress a) {
        return ((Arrays.hashCode(a.piecesRoot()) * 31 + a.baseLayer()) * 31 + a.index()) * 31 + a.length();
    }
}
