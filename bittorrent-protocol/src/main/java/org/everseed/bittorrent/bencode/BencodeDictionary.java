package org.everseed.bittorrent.bencode;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bencoded dictionary (BEP 3): byte-string keys in ascending raw byte order. Immutable.
 *
 * <p>A dictionary that came out of {@link BencodeDecoder} also remembers where each value stood in the
 * input ({@link #spanOf(String)}), so that a caller can hash a value's exact bytes. Spans take no part
 * in equality.
 */
public final class BencodeDictionary implements BencodeValue {
    private final SortedMap<BencodeString, BencodeValue> entries;
    private final Map<BencodeString, Span> spans;

    BencodeDictionary(SortedMap<BencodeString, BencodeValue> entries, Map<BencodeString, Span> spans) {
        this.entries = Collections.unmodifiableSortedMap(entries);
        this.spans = Collections.unmodifiableMap(spans);
    }

    /** A new builder for a dictionary made in code. */
    public static Builder builder() {
        return new Builder();
    }

    /** The entries in key order. */
    public SortedMap<BencodeString, BencodeValue> entries() {
        return entries;
    }

    /** The value under the UTF-8 key {@code key}, if any. */
    public Optional<BencodeValue> get(String key) {
        return Optional.ofNullable(entries.get(BencodeString.of(key)));
    }

    /** Whether the UTF-8 key {@code key} is present. */
    public boolean containsKey(String key) {
        return entries.containsKey(BencodeString.of(key));
    }

    /** Where the value under {@code key} stood in the decoded input; empty for dictionaries made in code. */
    public Optional<Span> spanOf(String key) {
        return Optional.ofNullable(spans.get(BencodeString.of(key)));
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BencodeDictionary d && entries.equals(d.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** Builds a dictionary in code; keys may be put in any order, the encoding sorts them. */
    public static final class Builder {
        private final SortedMap<BencodeString, BencodeValue> entries = new TreeMap<>();

        private Builder() {
        }

        /** Puts {@code value} under the byte-string key {@code key}, replacing any earlier value. */
        public Builder put(BencodeString key, BencodeValue value) {
            entries.put(key, value);
            return this;
        }

        /** Puts {@code value} under the UTF-8 key {@code key}. */
        public Builder put(String key, BencodeValue value) {
            return put(BencodeString.of(key), value);
        }

        /** Puts a UTF-8 string value. */
        public Builder put(String key, String value) {
            return put(key, BencodeString.of(value));
        }

        /** Puts a byte-string value. */
        public Builder put(String key, byte[] value) {
            return put(key, BencodeString.of(value));
        }

        /** Puts an integer value. */
        public Builder put(String key, long value) {
            return put(key, BencodeInteger.of(value));
        }

        /** The dictionary built so far. */
        public BencodeDictionary build() {
            return new BencodeDictionary(new TreeMap<>(entries), Map.of());
        }
    }
}
