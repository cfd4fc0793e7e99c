package org.everseed.bittorrent.peer;

import java.nio.ByteBuffer;
import org.everseed.bittorrent.peer.PeerMessage.AllowedFast;
import org.everseed.bittorrent.peer.PeerMessage.BitfieldMessage;
import org.everseed.bittorrent.peer.PeerMessage.BlockAddress;
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
 * Encodes peer wire messages with their 4-byte big-endian length prefix (BEP 3, BEP 5, BEP 6,
 * BEP 10). Stateless and thread-safe.
 *
 * <p>To send a block without copying it through the heap, write the 13-byte header with
 * {@link #writePieceHeader} and then the block's bytes (for example as a file region).
 */
public final class PeerMessageEncoder {
    /** Bytes of a piece message before its block: length prefix, id, index, begin. */
    public static final int PIECE_HEADER_LENGTH = 13;

    private PeerMessageEncoder() {
    }

    /**
     * The encoded length of {@code message}, prefix included.
     *
     * @throws IllegalArgumentException for {@link Unknown}, which cannot be encoded
     */
    public static int encodedLength(PeerMessage message) {
        return PeerMessageDecoder.PREFIX_LENGTH + payloadLength(message);
    }

    private static int payloadLength(PeerMessage message) {
        return switch (message) {
            case KeepAlive k -> 0;
            case Choke c -> 1;
            case Unchoke u -> 1;
            case Interested i -> 1;
            case NotInterested n -> 1;
            case HaveAll h -> 1;
            case HaveNone h -> 1;
            case Have h -> 5;
            case SuggestPiece s -> 5;
            case AllowedFast a -> 5;
            case BlockAddress b -> 13;
            case Port p -> 3;
            case BitfieldMessage b -> 1 + Bitfield.wireLength(b.bitfield().pieceCount());
            case Piece p -> 9 + p.block().length;
            case Extended e -> 2 + e.payload().length;
            case Hashes h -> 49 + h.hashes().length;
            case HashAddress h -> 49;
            case Unknown u -> throw new IllegalArgumentException("an unknown message cannot be encoded");
        };
    }

    /**
     * Writes {@code message} at {@code out}'s position.
     *
     * @throws java.nio.BufferOverflowException if fewer than {@link #encodedLength} bytes remain
     * @throws IllegalArgumentException for {@link Unknown}
     */
    public static void encode(PeerMessage message, ByteBuffer out) {
        out.putInt(payloadLength(message));
        switch (message) {
            case KeepAlive k -> { }
            case Choke c -> out.put((byte) MessageId.CHOKE);
            case Unchoke u -> out.put((byte) MessageId.UNCHOKE);
            case Interested i -> out.put((byte) MessageId.INTERESTED);
            case NotInterested n -> out.put((byte) MessageId.NOT_INTERESTED);
            case HaveAll h -> out.put((byte) MessageId.HAVE_ALL);
            case HaveNone h -> out.put((byte) MessageId.HAVE_NONE);
            case Have h -> out.put((byte) MessageId.HAVE).putInt(h.index());
            case SuggestPiece s -> out.put((byte) MessageId.SUGGEST_PIECE).putInt(s.index());
            case AllowedFast a -> out.put((byte) MessageId.ALLOWED_FAST).putInt(a.index());
            case Request r -> block(out, MessageId.REQUEST, r);
            case Cancel c -> block(out, MessageId.CANCEL, c);
            case RejectRequest r -> block(out, MessageId.REJECT_REQUEST, r);
            case Port p -> out.put((byte) MessageId.PORT).putShort((short) p.port());
            case BitfieldMessage b -> out.put((byte) MessageId.BITFIELD).put(b.bitfield().toWire());
            case Piece p -> out.put((byte) MessageId.PIECE).putInt(p.index()).putInt(p.begin()).put(p.block());
            case Extended e -> out.put((byte) MessageId.EXTENDED).put((byte) e.extendedId()).put(e.payload());
            case HashRequest h -> hashAddress(out, MessageId.HASH_REQUEST, h);
            case HashReject h -> hashAddress(out, MessageId.HASH_REJECT, h);
            case Hashes h -> hashAddress(out, MessageId.HASHES, h).put(h.hashes());
            case Unknown u -> throw new IllegalArgumentException("an unknown message cannot be encoded");
        }
    }

    private static void block(ByteBuffer out, int id, BlockAddress address) {
        out.put((byte) id).putInt(address.index()).putInt(address.begin()).putInt(address.length());
    }

    private static ByteBuffer hashAddress(ByteBuffer out, int id, HashAddress h) {
        return out.put((byte) id).put(h.piecesRoot()).putInt(h.baseLayer()).putInt(h.index()).putInt(h.length())
                .putInt(h.proofLayers());
    }

    /** The encoded bytes of {@code message}, prefix included. */
    public static byte[] encode(PeerMessage message) {
        ByteBuffer out = ByteBuffer.allocate(encodedLength(message));
        encode(message, out);
        return out.array();
    }

    /**
     * Writes the 13-byte header of a piece message whose block of {@code blockLength} bytes the caller
     * sends next: length prefix {@code 9 + blockLength}, id 7, index, begin (BEP 3).
     *
     * @throws IllegalArgumentException if {@code blockLength} is negative or too large for the prefix
     */
    public static void writePieceHeader(int index, int begin, int blockLength, ByteBuffer out) {
        if (blockLength < 0 || blockLength > Integer.MAX_VALUE - 9) {
            throw new IllegalArgumentException("bad block length " + blockLength);
        }
        out.putInt(9 + blockLength).put((byte) MessageId.PIECE).putInt(index).putInt(begin);
    }
}
