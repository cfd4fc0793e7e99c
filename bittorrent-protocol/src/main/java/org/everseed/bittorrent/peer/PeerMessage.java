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
     * A message with an id this codec does not know; BEP 3 peers ignore those. Its payload was skipped
     * (consumed, not kept).
     */
    record Unknown(int id, int payloadLength) implements PeerMessage {
    }
}
