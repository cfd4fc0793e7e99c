package org.everseed.bittorrent.tracker.http;

import java.util.Optional;
import org.everseed.bittorrent.bencode.BencodeDecoder;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeException;
import org.everseed.bittorrent.bencode.BencodeInteger;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;
import org.everseed.bittorrent.bencode.Span;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.TrackerResponseException;

/** Typed access to the fields of a decoded tracker response, with offsets in errors. */
final class ResponseFields {
    private final BencodeDictionary dict;
    private final int fallbackOffset;

    private ResponseFields(BencodeDictionary dict, int fallbackOffset) {
        this.dict = dict;
        this.fallbackOffset = fallbackOffset;
    }

    /**
     * Decodes {@code body} as a dictionary; a {@code failure reason} becomes a
     * {@link TrackerFailureException}.
     */
    static ResponseFields top(byte[] body) {
        BencodeValue value;
        try {
            value = BencodeDecoder.decode(body);
        } catch (BencodeException e) {
            throw new TrackerResponseException("not bencode: " + e.reason(), e.offset(), e);
        }
        if (!(value instanceof BencodeDictionary d)) {
            throw new TrackerResponseException("response is not a dictionary", 0, null);
        }
        ResponseFields f = new ResponseFields(d, 0);
        Optional<BencodeString> failure = f.optionalString("failure reason");
        if (failure.isPresent()) {
            throw new TrackerFailureException(failure.get().utf8());
        }
        return f;
    }

    /** Fields of a nested dictionary that stood at {@code offset}. */
    static ResponseFields nested(BencodeValue value, int offset, String what) {
        if (!(value instanceof BencodeDictionary d)) {
            throw new TrackerResponseException(what + " is not a dictionary", offset, null);
        }
        return new ResponseFields(d, offset);
    }

    BencodeDictionary dictionary() {
        return dict;
    }

    int offsetOf(String key) {
        return dict.spanOf(key).map(Span::start).orElse(fallbackOffset);
    }

    Optional<BencodeValue> get(String key) {
        return dict.get(key);
    }

    long integer(String key) {
        return optionalInteger(key).orElseThrow(
                () -> new TrackerResponseException("missing " + key, fallbackOffset, null));
    }

    Optional<Long> optionalInteger(String key) {
        Optional<BencodeValue> v = dict.get(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.get() instanceof BencodeInteger i) || i.value() < 0) {
            throw new TrackerResponseException(key + " is not a non-negative integer", offsetOf(key), null);
        }
        return Optional.of(i.value());
    }

    int intValue(String key, long v) {
        if (v > Integer.MAX_VALUE) {
            throw new TrackerResponseException(key + " beyond 32 bits", offsetOf(key), null);
        }
        return (int) v;
    }

    Optional<BencodeString> optionalString(String key) {
        Optional<BencodeValue> v = dict.get(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.get() instanceof BencodeString s)) {
            throw new TrackerResponseException(key + " is not a string", offsetOf(key), null);
        }
        return Optional.of(s);
    }
}
