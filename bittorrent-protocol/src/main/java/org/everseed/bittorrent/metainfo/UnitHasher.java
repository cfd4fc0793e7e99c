package org.everseed.bittorrent.metainfo;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;

/**
 * Hashes the bytes of {@link HashUnit}s in one pass: each 16 KiB block is fed to SHA-1 (the v1 piece, BEP 3) and
 * hashed with SHA-256 (a v2 merkle leaf, BEP 52) while it is still in the CPU cache; a hybrid piece's pad zeros
 * (BEP 47) are added to its SHA-1. One instance per thread: not thread-safe.
 */
public final class UnitHasher {
    private static final byte[] ZEROS = new byte[MerkleTree.BLOCK_SIZE];
    private final ContentLayout layout;
    private final MessageDigest sha1 = Digests.sha1();
    private final MessageDigest sha256 = Digests.sha256();
    private final byte[] leaves;
    private final byte[] scratch = new byte[MerkleTree.BLOCK_SIZE];

    /** @param layout the layout whose units this hasher hashes */
    public UnitHasher(ContentLayout layout) {
        this.layout = layout;
        this.leaves = new byte[layout.pieceLength() / MerkleTree.BLOCK_SIZE * MerkleTree.HASH_LENGTH + MerkleTree.HASH_LENGTH];
    }

    /**
     * Hashes {@code data} (consumed: the unit's segments' bytes, concatenated) and puts the hashes into {@code into}.
     *
     * @throws IllegalArgumentException if {@code data} does not hold exactly {@link HashUnit#length()} bytes
     */
    public void hash(HashUnit unit, ByteBuffer data, ContentHashes into) {
        if (data.remaining() != unit.length()) {
            throw new IllegalArgumentException("unit " + unit.index() + " has " + unit.length() + " bytes, got "
                    + data.remaining());
        }
        boolean v1 = unit.v1Piece() >= 0;
        boolean v2 = unit.v2File() >= 0;
        if (!v2) {
            sha1.update(data);
            into.put(unit, sha1.digest(), null);
            return;
        }
        int blocks = 0;
        while (data.hasRemaining()) {
            int take = Math.min(MerkleTree.BLOCK_SIZE, data.remaining());
            byte[] array;
            int offset;
            if (data.hasArray()) {
                array = data.array();
                offset = data.arrayOffset() + data.position();
                data.position(data.position() + take);
            } else {
                // One copy of the block into the cache-resident scratch array; both digests then read it as an
                // array (MessageDigest would otherwise copy a direct buffer in 4 KiB chunks, once per digest).
                data.get(scratch, 0, take);
                array = scratch;
                offset = 0;
            }
            if (v1) {
                sha1.update(array, offset, take);
            }
            sha256.update(array, offset, take);
            digestInto(leaves, blocks++ * MerkleTree.HASH_LENGTH);
        }
        byte[] sha1Hash = null;
        if (v1) {
            for (int left = unit.zeroPadding(); left > 0; left -= ZEROS.length) {
                sha1.update(ZEROS, 0, Math.min(left, ZEROS.length));
            }
            sha1Hash = sha1.digest();
        }
        byte[] used = java.util.Arrays.copyOf(leaves, blocks * MerkleTree.HASH_LENGTH);
        byte[] v2Hash = layout.pieceCountOf(unit.v2File()) > 1
                ? MerkleTree.pieceHashOfLeaves(used, layout.pieceLength())
                : MerkleTree.rootOfLeaves(used);
        into.put(unit, sha1Hash, v2Hash);
    }

    private void digestInto(byte[] target, int offset) {
        try {
            sha256.digest(target, offset, MerkleTree.HASH_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest fits 32 bytes", e);
        }
    }
}
