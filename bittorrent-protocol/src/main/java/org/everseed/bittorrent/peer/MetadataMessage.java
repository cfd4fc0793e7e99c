package org.everseed.bittorrent.peer;

import java.util.Arrays;
import java.util.Optional;
import org.everseed.bittorrent.bencode.BencodeDecoder;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeEncoder;
import org.everseed.bittorrent.bencode.BencodeException;
import org.everseed.bittorrent.bencode.BencodeInteger;
import org.everseed.bittorrent.bencode.BencodeValue;

/**
 * A BEP 9 {@code ut_metadata} message, the payload of an extended message (BEP 10): the info
 * dictionary travels in pieces of {@link #PIECE_LENGTH} bytes, so a magnet link's holder can fetch
 * it from peers. A data message is a bencoded dictionary followed by the raw piece bytes.
 */
public sealed interface MetadataMessage {
    /** The extension's name in the extended handshake's {@code m} dictionary. */
    String EXTENSION_NAME = "ut_metadata";
    /** Bytes per metadata piece (the last may be shorter): 16 KiB. */
    int PIECE_LENGTH = 16 * 1024;

    /** {@code msg_type} 0: please send metadata piece {@code piece}. */
    record Request(int piece) implements MetadataMessage {
    }

    /**
     * {@code msg_type} 1: metadata piece {@code piece} of an info dictionary of {@code totalSize} bytes.
     */
    record Data(int piece, int totalSize, byte[] data) implements MetadataMessage {
        /** Copies nothing; checks the piece holds at most {@link #PIECE_LENGTH} bytes. */
        public Data {
            if (data.length > PIECE_LENGTH) {
                throw new IllegalArgumentException("metadata piece longer than " + PIECE_LENGTH);
            }
        }
    }

    /** {@code msg_type} 2: metadata piece {@code piece} will not be sent. */
    record Reject(int piece) implements MetadataMessage {
    }

    /** The number of metadata pieces of an info dictionary of {@code totalSize} bytes. */
    static int pieceCount(int totalSize) {
        return (totalSize + PIECE_LENGTH - 1) / PIECE_LENGTH;
    }

    /**
     * The data message for piece {@code piece} of {@code infoBytes}.
     *
     * @throws IllegalArgumentException if the piece is beyond the metadata
     */
    static Data slice(byte[] infoBytes, int piece) {
        if (piece < 0 || piece >= pieceCount(infoBytes.length)) {
            throw new IllegalArgumentException("no metadata piece " + piece);
        }
        int from = piece * PIECE_LENGTH;
        return new Data(piece, infoBytes.length,
                Arrays.copyOfRange(infoBytes, from, Math.min(infoBytes.length, from + PIECE_LENGTH)));
    }

    /** The payload bytes: the bencoded dictionary, then for data the piece bytes. */
    default byte[] encode() {
        BencodeDictionary.Builder d = BencodeDictionary.builder();
        switch (this) {
            case Request r -> d.put("msg_type", 0).put("piece", r.piece());
            case Data x -> d.put("msg_type", 1).put("piece", x.piece()).put("total_size", x.totalSize());
            case Reject r -> d.put("msg_type", 2).put("piece", r.piece());
        }
        byte[] head = BencodeEncoder.encode(d.build());
        if (!(this instanceof Data x)) {
            return head;
        }
        byte[] all = Arrays.copyOf(head, head.length + x.data().length);
        System.arraycopy(x.data(), 0, all, head.length, x.data().length);
        return all;
    }

    /**
     * Reads a {@code ut_metadata} payload (dictionary keys in any order, never twice).
     *
     * @throws PeerWireException if the dictionary is malformed, {@code msg_type} or {@code piece} is
     *     missing or out of range, a request or reject has trailing bytes, or a data piece is longer
     *     than {@link #PIECE_LENGTH}; offsets count from the first payload byte
     */
    static MetadataMessage decode(byte[] payload) {
        BencodeDecoder.Decoded decoded;
        try {
            decoded = BencodeDecoder.decodePrefix(payload, 0, payload.length, BencodeDecoder.KeyOrder.ANY);
        } catch (BencodeException e) {
            throw new PeerWireException("ut_metadata: " + e.reason(), e.offset());
        }
        if (!(decoded.value() instanceof BencodeDictionary d)) {
            throw new PeerWireException("ut_metadata message is not a dictionary", 0);
        }
        int type = integer(d, "msg_type", 2);
        int piece = integer(d, "piece", Integer.MAX_VALUE);
        int trailing = payload.length - decoded.end();
        if (type != 1 && trailing > 0) {
            throw new PeerWireException("ut_metadata: trailing bytes after the dictionary", decoded.end());
        }
        return switch (type) {
            case 0 -> new Request(piece);
            case 2 -> new Reject(piece);
            default -> {
                if (trailing > PIECE_LENGTH) {
                    throw new PeerWireException("ut_metadata: piece longer than " + PIECE_LENGTH, decoded.end());
                }
                yield new Data(piece, integer(d, "total_size", Integer.MAX_VALUE),
                        Arrays.copyOfRange(payload, decoded.end(), payload.length));
            }
        };
    }

    private static int integer(BencodeDictionary d, String key, int max) {
        Optional<BencodeValue> v = d.get(key);
        if (v.isPresent() && v.get() instanceof BencodeInteger(long n) && n >= 0 && n <= max) {
            return (int) n;
        }
        long offset = d.spanOf(key).map(s -> (long) s.start()).orElse(0L);
        throw new PeerWireException("ut_metadata: " + key + " missing or not an integer in 0.." + max, offset);
    }
}
