package org.everseed.bittorrent.peer;

import java.util.Objects;

/**
 * A peer wire message after its 4-byte length prefix (BEP 3), one record per message id. Payload
 * fields are the wire's unsigned 32-bit integers read as Java {@code int}s; the decoder rejects
 * values above {@link Integer#MAX_VALUE} where the protocol needs a non-negative index.
 */
public sealed interface PeerMessage {

    /** A block address (BEP 3 {@code request}, {@code cancel}; BEP 6 {@code reject request}). */
    sealed interface BlockAddress extends PeerMessage {
        /** Piece index. */
        int index();

        /** Byte offset of the block within the piece. */
        int begin();

        /** Block length in bytes. */
        int length();
    }

    /** Keep-alive: a zero length prefix and nothing else (BEP 3). */
    record KeepAlive() implements PeerMessage {
    }

    /** The sender will not answer requests (BEP 3). */
    record Choke() implements PeerMessage {
    }

    /** The sender will answer requests (BEP 3). */
    record Unchoke() implements PeerMessage {
    }

    /** The sender wants pieces the receiver has (BEP 3). */
    record Interested() implements PeerMessage {
    }

    /** The sender wants nothing from the receiver (BEP 3). */
    record NotInterested() implements PeerMessage {
    }

    /** The sender now has piece {@code index} (BEP 3). */
    record Have(int index) implements PeerMessage {
    }

    /** The pieces the sender has, sent right after the handshake (BEP 3). */
    record BitfieldMessage(Bitfield bitfield) implements PeerMessage {
        /** Checks the bitfield is present. */
        public BitfieldMessage {
            Objects.requireNonNull(bitfield, "bitfield");
        }
    }

    /** Please send {@code length} bytes of piece {@code index} from {@code begin} (BEP 3). */
    record Request(int index, int begin, int length) implements BlockAddress {
    }

    /**
     * A block of piece {@code index} starting at {@code begin} (BEP 3). Senders of large blocks
     * write only the header ({@link PeerMessageEncoder#writePieceHeader}) and then the block bytes.
     */
    record Piece(int index, int begin, byte[] block) implements PeerMessage {
        /** Checks the block is present. */
        public Piece {
            Objects.requireNonNull(block, "block");
        }
    }

    /** Never mind that request (BEP 3). */
    record Cancel(int index, int begin, int length) implements BlockAddress {
    }

    /** The sender's DHT node listens on UDP {@code port}, 0..65535 (BEP 5). */
    record Port(int port) implements PeerMessage {
    }

    /** The sender suggests downloading piece {@code index} (BEP 6). */
    record SuggestPiece(int index) implements PeerMessage {
    }

    /** The sender has every piece, instead of a full bitfield (BEP 6). */
    record HaveAll() implements PeerMessage {
    }

    /** The sender has no piece, instead of an empty bitfield (BEP 6). */
    record HaveNone() implements PeerMessage {
    }

    /** The sender will not answer that request (BEP 6). */
    record RejectRequest(int index, int begin, int length) implements BlockAddress {
    }

    /** The receiver may request piece {@code index} even while choked (BEP 6). */
    record AllowedFast(int index) implements PeerMessage {
    }

    /**
     * An extension protocol message (BEP 10): id 0 is the extended handshake, others are the ids the
     * receiver assigned in its handshake's {@code m} dictionary.
     */
    record Extended(int extendedId, byte[] payload) implements PeerMessage {
        /** Checks the id is a byte and the payload present. */
        public Extended {
            if (extendedId < 0 || extendedId > 255) {
                throw new IllegalArgumentException("extended id must be 0..255: " + extendedId);
            }
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * The address of a run of merkle tree hashes of one file (BEP 52): the file's {@code pieces root}, the layer
     * ({@code base layer}, 0 = the 16 KiB block hashes), the first hash's {@code index} in that layer, how many
     * ({@code length}) and how many layers of uncle hashes up towards the root ({@code proof layers}).
     */
    sealed interface HashAddress extends PeerMessage {
        /** Bytes of a pieces root and of every hash: 32 (SHA-256). */
        int HASH_LENGTH = 32;

        /** The file's 32-byte pieces root (a copy). */
        byte[] piecesRoot();

        /** The layer, counted from the leaves (0). */
        int baseLayer();

        /** Index of the first hash within the layer. */
        int index();

        /** Number of hashes of the base layer. */
        int length();

        /** Number of uncle-hash layers asked for above the subtree of the requested hashes. */
        int proofLayers();
    }

    /** Please send these hashes (BEP 52). */
    record HashRequest(byte[] piecesRoot, int baseLayer, int index, int length, int proofLayers) implements HashAddress {
        /** Checks and copies the root. */
        public HashRequest {
            piecesRoot = Hashing.root(piecesRoot);
        }

        @Override
        public byte[] piecesRoot() {
            return piecesRoot.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HashRequest r && Hashing.sameAddress(this, r);
        }

        @Override
        public int hashCode() {
            return Hashing.hash(this);
        }
    }

    /** The sender will not send these hashes (BEP 52). */
    record HashReject(byte[] piecesRoot, int baseLayer, int index, int length, int proofLayers) implements HashAddress {
        /** Checks and copies the root. */
        public HashReject {
            piecesRoot = Hashing.root(piecesRoot);
        }

        @Override
        public byte[] piecesRoot() {
            return piecesRoot.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HashReject r && Hashing.sameAddress(this, r);
        }

        @Override
        public int hashCode() {
            return Hashing.hash(this);
        }
    }

    /**
     * The requested hashes (BEP 52): {@code length} hashes of the base layer from {@code index}, then the uncle
     * hashes that prove them, lowest layer first; {@code hashes} is their concatenation (a multiple of 32 bytes).
     */
    record Hashes(byte[] piecesRoot, int baseLayer, int index, int length, int proofLayers, byte[] hashes)
            implements HashAddress {
        /** Checks and copies the root and the hashes. */
        public Hashes {
            piecesRoot = Hashing.root(piecesRoot);
            if (hashes.length % HASH_LENGTH != 0) {
                throw new IllegalArgumentException("hashes are 32 bytes each, got " + hashes.length + " bytes");
            }
            hashes = hashes.clone();
        }

        @Override
        public byte[] piecesRoot() {
            return piecesRoot.clone();
        }

        @Override
        public byte[] hashes() {
            return hashes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Hashes h && Hashing.sameAddress(this, h) && java.util.Arrays.equals(hashes, h.hashes);
        }

        @Override
        public int hashCode() {
            return Hashing.hash(this);
        }
    }

    /**
     * A message with an id this codec does not know; BEP 3 peers ignore those. Its payload was skipped
     * (consumed, not kept).
     */
    record Unknown(int id, int payloadLength) implements PeerMessage {
    }
}
