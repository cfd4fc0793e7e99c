package org.everseed.bittorrent.peer;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.everseed.bittorrent.bencode.BencodeDecoder;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeEncoder;
import org.everseed.bittorrent.bencode.BencodeException;
import org.everseed.bittorrent.bencode.BencodeInteger;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;

/**
 * The BEP 10 extended handshake: the payload of extended message id 0, a bencoded dictionary. Only
 * the keys an everseed uses are modelled; others are ignored when decoding.
 *
 * @param messageIds {@code m}: extension name to the id the sender wants to receive it under
 *     (1..255); an id of 0 (disabling an extension) is dropped
 * @param metadataSize {@code metadata_size}: bytes of the info dictionary (BEP 9), if offered
 * @param client {@code v}: client name and version, if given
 * @param requestQueue {@code reqq}: outstanding requests the sender accepts, if given
 */
public record ExtendedHandshake(Map<String, Integer> messageIds, OptionalInt metadataSize, Optional<String> client,
                                OptionalInt requestQueue) {
    /** The extended message id of the handshake itself (BEP 10). */
    public static final int ID = 0;

    /** Copies the map; checks ids are 1..255 and sizes non-negative. */
    public ExtendedHandshake {
        messageIds = Map.copyOf(messageIds);
        messageIds.values().forEach(id -> {
            if (id < 1 || id > 255) {
                throw new IllegalArgumentException("extended message ids are 1..255: " + id);
            }
        });
        Objects.requireNonNull(metadataSize, "metadataSize");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(requestQueue, "requestQueue");
    }

    /** The id the sender receives extension {@code name} under, if it supports it. */
    public OptionalInt idOf(String name) {
        Integer id = messageIds.get(name);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The bencoded payload (canonical: keys sorted). */
    public byte[] encode() {
        BencodeDictionary.Builder m = BencodeDictionary.builder();
        new TreeMap<>(messageIds).forEach((name, id) -> m.put(name, id.longValue()));
        BencodeDictionary.Builder d = BencodeDictionary.builder().put("m", m.build());
        metadataSize.ifPresent(size -> d.put("metadata_size", size));
        requestQueue.ifPresent(q -> d.put("reqq", q));
        client.ifPresent(v -> d.put("v", v));
        return BencodeEncoder.encode(d.build());
    }

    /**
     * Reads an extended handshake payload. Dictionary keys may come in any order (some clients do not sort them;
     * BEP 10 asks only for a bencoded dictionary), but not twice.
     *
     * @throws PeerWireException if it is not a bencoded dictionary, {@code m} is not a dictionary, or a
     *     known key has the wrong type or range; offsets count from the first payload byte
     */
    public static ExtendedHandshake decode(byte[] payload) {
        BencodeValue value;
        try {
            value = BencodeDecoder.decode(payload, 0, payload.length, BencodeDecoder.KeyOrder.ANY);
        } catch (BencodeException e) {
            throw new PeerWireException("extended handshake: " + e.reason(), e.offset());
        }
        if (!(value instanceof BencodeDictionary d)) {
            throw new PeerWireException("extended handshake is not a dictionary", 0);
        }
        Map<String, Integer> ids = new TreeMap<>();
        Optional<BencodeValue> m = d.get("m");
        if (m.isPresent()) {
            if (!(m.get() instanceof BencodeDictionary md)) {
                throw new PeerWireException("extended handshake: m is not a dictionary", offsetOf(d, "m"));
            }
            md.entries().forEach((name, id) -> {
                if (id instanceof BencodeInteger(long v) && v >= 1 && v <= 255) {
                    ids.put(name.utf8(), (int) v);
                }
            });
        }
        return new ExtendedHandshake(ids, nonNegative(d, "metadata_size"),
                d.get("v").filter(BencodeString.class::isInstance).map(v -> ((BencodeString) v).utf8()),
                nonNegative(d, "reqq"));
    }

    private static OptionalInt nonNegative(BencodeDictionary d, String key) {
        Optional<BencodeValue> v = d.get(key);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        if (v.get() instanceof BencodeInteger(long n) && n >= 0 && n <= Integer.MAX_VALUE) {
            return OptionalInt.of((int) n);
        }
        throw new PeerWireException("extended handshake: " + key + " is not an integer in 0..2^31-1", offsetOf(d, key));
    }

    private static long offsetOf(BencodeDictionary d, String key) {
        return d.spanOf(key).map(s -> (long) s.start()).orElse(0L);
    }
}
