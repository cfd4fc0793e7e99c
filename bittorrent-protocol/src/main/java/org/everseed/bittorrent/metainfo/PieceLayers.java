package org.everseed.bittorrent.metainfo;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level {@code piece layers} dictionary of a v2 or hybrid .torrent (BEP 52): for each file larger than
 * one piece, its {@code pieces root} maps to the concatenated 32-byte hashes of its pieces (the merkle layer whose
 * nodes each cover one piece). Outside the info dictionary, so not covered by the info_hash, but verifiable
 * against the roots. Immutable.
 */
public final class PieceLayers {
    /** No layers: v1 torrents, and v2 torrents whose files all fit one piece. */
    public static final PieceLayers EMPTY = new PieceLayers(Map.of());
    private final Map<ByteBuffer, byte[]> layers;

    private PieceLayers(Map<ByteBuffer, byte[]> layers) {
        this.layers = layers;
    }

    /** Starts an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The layer of the file whose pieces root is {@code piecesRoot} (a copy), if present. */
    public Optional<byte[]> layer(byte[] piecesRoot) {
        byte[] layer = layers.get(ByteBuffer.wrap(piecesRoot));
        return Optional.ofNullable(layer).map(byte[]::clone);
    }

    /** The number of layers. */
    public int size() {
        return layers.size();
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return layers.isEmpty();
    }

    /** Root to layer, read-only views of the stored arrays in insertion order; callers must not modify them. */
    Map<ByteBuffer, byte[]> entries() {
        return Collections.unmodifiableMap(layers);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PieceLayers p) || p.layers.size() != layers.size()) {
            return false;
        }
        for (Map.Entry<ByteBuffer, byte[]> e : layers.entrySet()) {
            byte[] other = p.layers.get(e.getKey());
            if (other == null || !java.util.Arrays.equals(other, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return layers.keySet().hashCode();
    }

    @Override
    public String toString() {
        return layers.size() + " piece layers";
    }

    /** Collects layers; not thread-safe. */
    public static final class Builder {
        private final Map<ByteBuffer, byte[]> layers = new LinkedHashMap<>();

        /** Adds the layer of the file with this 32-byte pieces root (both copied); a repeated root keeps the first. */
        public Builder put(byte[] piecesRoot, byte[] layer) {
            if (piecesRoot.length != MerkleTree.HASH_LENGTH || layer.length % MerkleTree.HASH_LENGTH != 0
                    || layer.length == 0) {
                throw new IllegalArgumentException("a piece layer is keyed by 32 bytes and holds 32-byte hashes");
            }
            layers.putIfAbsent(ByteBuffer.wrap(piecesRoot.clone()), layer.clone());
            return this;
        }

        /** The layers collected so far. */
        public PieceLayers build() {
            return layers.isEmpty() ? EMPTY : new PieceLayers(new LinkedHashMap<>(layers));
        }
    }
}
