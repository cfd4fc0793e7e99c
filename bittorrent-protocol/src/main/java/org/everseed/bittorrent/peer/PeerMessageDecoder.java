package org.everseed.bittorrent.peer;

import java.nio.ByteBuffer;
import org.everseed.bittorrent.peer.PeerMessage.AllowedFast;
import org.everseed.bittorrent.peer.PeerMessage.BitfieldMessage;
import org.everseed.bittorrent.peer.PeerMessage.Cancel;
import org.everseed.bittorrent.peer.PeerMessage.Choke;
import org.everseed.bittorrent.peer.PeerMessage.Extended;
import org.everseed.bittorrent.peer.PeerMessage.HashAddress;
import org.everseed.bittorrent.peer.PeerMessage.HashReject;
import org.everseed.bittorrent.peer.PeerMessage.HashRequest;
import org.everseed.bittorrent.peer.PeerMessage.Hashes;
import org.everseed.bittorrent.peer.PeerMessage.Have;
import org.everseed.bittorrent.peer.PeerMessage.HaveAll;
import org.everseed.bittorrent.peer.PeerMessage.HaveNone;
import org.everseed.bittorrent.peer.PeerMessage.Interested;
import org.everseed.bittorrent.peer.PeerMessage.KeepAlive;
import org.everseed.bittorrent.peer.PeerMessage.NotInterested;
import org.everseed.bittorrent.peer.PeerMessage.Piece;
import org.everseed.bittorrent.peer.PeerMessage.Port;
import org.everseed.bittorrent.peer.PeerMessage.RejectRequest;
import org.everseed.bittorrent.peer.PeerMessage.Request;
import org.everseed.bittorrent.peer.PeerMessage.SuggestPiece;
import org.everseed.bittorrent.peer.PeerMessage.Unchoke;
import org.everseed.bittorrent.peer.PeerMessage.Unknown;

/**
 * Incremental, bounded decoder of length-prefixed peer wire messages (BEP 3, BEP 5, BEP 6, BEP 10, BEP 52)
 * for one torrent of known piece count. Stateless apart from its limits; thread-safe.
 *
 * <p>{@link #decode(ByteBuffer)} returns one message and consumes exactly its bytes, or returns
 * {@code null} and consumes nothing when the message is not complete yet. A length prefix above
 * {@link #maxLength()} is rejected as soon as the prefix is read, before any allocation. Error offsets
 * count from the first byte of the message's length prefix: 0 for a bad length, 4 for the id, 5 for
 * the first payload field.
 */
public final class PeerMessageDecoder {
    /** Bytes of the length prefix. */
    public static final int PREFIX_LENGTH = 4;
    /**
     * Default largest accepted message length (after the prefix): 128 KiB, room for a piece message
     * with a 16 KiB block, BEP 9 metadata pieces and bitfields of up to a million pieces.
     */
    public static final int DEFAULT_MAX_LENGTH = 128 * 1024;
    private static final int PAYLOAD = PREFIX_LENGTH + 1;
    private static final KeepAlive KEEP_ALIVE = new KeepAlive();
    /** Length of a BEP 52 hash request or reject: id, pieces root, four 32-bit fields. */
    private static final int HASH_FIELDS = 1 + HashAddress.HASH_LENGTH + 16;

    private final int pieceCount;
    private final int maxLength;

    /**
     * @param pieceCount pieces in the torrent, for bitfield lengths and piece index checks
     * @param maxLength largest accepted message length after the prefix, in bytes
     * @throws IllegalArgumentException if {@code pieceCount} is negative, or {@code maxLength} is
     *     too small for that torrent's bitfield
     */
    public PeerMessageDecoder(int pieceCount, int maxLength) {
        if (pieceCount < 0) {
            throw new IllegalArgumentException("piece count must not be negative: " + pieceCount);
        }
        if (maxLength < 1 + Bitfield.wireLength(pieceCount) || maxLength < 13) {
            throw new IllegalArgumentException("max length " + maxLength + " cannot hold a bitfield of "
                    + pieceCount + " pieces");
        }
        this.pieceCount = pieceCount;
        this.maxLength = maxLength;
    }

    /** A decoder with {@link #DEFAULT_MAX_LENGTH}. */
    public static PeerMessageDecoder forPieces(int pieceCount) {
        return new PeerMessageDecoder(pieceCount, Math.max(DEFAULT_MAX_LENGTH, 1 + Bitfield.wireLength(pieceCount)));
    }

    /** Largest accepted message length after the prefix, in bytes. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Decodes the next message from {@code in}'s remaining bytes.
     *
     * @return the message, its bytes consumed; or {@code null}, nothing consumed, if incomplete
     * @throws MessageTooLongException if the length prefix exceeds {@link #maxLength()}
     * @throws PeerWireException if the message is malformed; nothing is consumed
     */
    public PeerMessage decode(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < PREFIX_LENGTH) {
            return null;
        }
        long length = Integer.toUnsignedLong(in.getInt(start));
        if (length > maxLength) {
            throw new MessageTooLongException(length, maxLength);
        }
        if (in.remaining() < PREFIX_LENGTH + length) {
            return null;
        }
        PeerMessage message = length == 0 ? KEEP_ALIVE : parse(in, start, (int) length);
        in.position(start + PREFIX_LENGTH + (int) length);
        return message;
    }

    private PeerMessage parse(ByteBuffer in, int start, int length) {
        int id = in.get(start + PREFIX_LENGTH) & 0xff;
        Fields f = new Fields(in, start, length, id);
        return switch (id) {
            case MessageId.CHOKE -> f.exactly(1, new Choke());
            case MessageId.UNCHOKE -> f.exactly(1, new Unchoke());
            case MessageId.INTERESTED -> f.exactly(1, new Interested());
            case MessageId.NOT_INTERESTED -> f.exactly(1, new NotInterested());
            case MessageId.HAVE_ALL -> f.exactly(1, new HaveAll());
            case MessageId.HAVE_NONE -> f.exactly(1, new HaveNone());
            case MessageId.HAVE -> new Have(f.length(5).piece(PAYLOAD));
            case MessageId.SUGGEST_PIECE -> new SuggestPiece(f.length(5).piece(PAYLOAD));
            case MessageId.ALLOWED_FAST -> new AllowedFast(f.length(5).piece(PAYLOAD));
            case MessageId.REQUEST -> f.length(13).request();
            case MessageId.CANCEL -> {
                Request r = f.length(13).request();
                yield new Cancel(r.index(), r.begin(), r.length());
            }
            case MessageId.REJECT_REQUEST -> {
                Request r = f.length(13).request();
                yield new RejectRequest(r.index(), r.begin(), r.length());
            }
            case MessageId.PORT -> new Port(Short.toUnsignedInt(in.getShort(f.length(3).at(PAYLOAD))));
            case MessageId.BITFIELD -> new BitfieldMessage(Bitfield.fromWire(f.payload(1), pieceCount, PAYLOAD));
            case MessageId.PIECE -> piece(f);
            case MessageId.HASH_REQUEST -> f.length(HASH_FIELDS).hashRequest();
            case MessageId.HASH_REJECT -> {
                HashRequest r = f.length(HASH_FIELDS).hashRequest();
                yield new HashReject(r.piecesRoot(), r.baseLayer(), r.index(), r.length(), r.proofLayers());
            }
            case MessageId.HASHES -> hashes(f);
            case MessageId.EXTENDED -> {
                if (length < 2) {
                    throw new PeerWireException("extended message without an extended id", 0);
                }
                yield new Extended(in.get(start + PAYLOAD) & 0xff, f.payload(2));
            }
            default -> new Unknown(id, length - 1);
        };
    }

    private PeerMessage hashes(Fields f) {
        if (f.length < HASH_FIELDS) {
            throw new PeerWireException("hashes message shorter than its " + (HASH_FIELDS - 1) + "-byte header", 0);
        }
        if ((f.length - HASH_FIELDS) % HashAddress.HASH_LENGTH != 0) {
            throw new PeerWireException("hashes of " + (f.length - HASH_FIELDS) + " bytes, not a multiple of 32", 0);
        }
        HashRequest r = f.hashRequest();
        return new Hashes(r.piecesRoot(), r.baseLayer(), r.index(), r.length(), r.proofLayers(), f.payload(HASH_FIELDS));
    }

    private PeerMessage piece(Fields f) {
        if (f.length < 9) {
            throw new PeerWireException("piece message shorter than its 8-byte header", 0);
        }
        int index = f.piece(PAYLOAD);
        int begin = f.nonNegative(PAYLOAD + 4, "begin");
        return new Piece(index, begin, f.payload(9));
    }

    /** Field access within one message; offsets are from the start of the length prefix. */
    private final class Fields {
        private final ByteBuffer in;
        private final int start;
        private final int length;
        private final int id;

        Fields(ByteBuffer in, int start, int length, int id) {
            this.in = in;
            this.start = start;
            this.length = length;
            this.id = id;
        }

        PeerMessage exactly(int expected, PeerMessage message) {
            length(expected);
            return message;
        }

        Fields length(int expected) {
            if (length != expected) {
                throw new PeerWireException("message id " + id + " must have length " + expected
                        + ", got " + length, 0);
            }
            return this;
        }

        int at(int offset) {
            return start + offset;
        }

        int nonNegative(int offset, String field) {
            int value = in.getInt(start + offset);
            if (value < 0) {
                throw new PeerWireException(field + " " + Integer.toUnsignedString(value)
                        + " is beyond 2^31-1", offset);
            }
            return value;
        }

        int piece(int offset) {
            int index = nonNegative(offset, "piece index");
            if (index >= pieceCount) {
                throw new PeerWireException("piece index " + index + " out of range for " + pieceCount
                        + " pieces", offset);
            }
            return index;
        }

        HashRequest hashRequest() {
            byte[] root = new byte[HashAddress.HASH_LENGTH];
            in.get(start + PAYLOAD, root);
            int base = nonNegative(PAYLOAD + 32, "base layer");
            int index = nonNegative(PAYLOAD + 36, "index");
            int count = nonNegative(PAYLOAD + 40, "length");
            int proof = nonNegative(PAYLOAD + 44, "proof layers");
            return new HashRequest(root, base, index, count, proof);
        }

        Request request() {
            return new Request(piece(PAYLOAD), nonNegative(PAYLOAD + 4, "begin"), nonNegative(PAYLOAD + 8, "length"));
        }

        byte[] payload(int skip) {
            byte[] bytes = new byte[length - skip];
            in.get(start + PREFIX_LENGTH + skip, bytes);
            return bytes;
        }
    }
}
