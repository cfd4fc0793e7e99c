package org.everseed.bittorrent.bencode;

import java.util.List;

/**
 * A bencoded list (BEP 3). Immutable.
 *
 * @param values the elements in order
 */
public record BencodeList(List<BencodeValue> values) implements BencodeValue {

    /** Copies {@code values} into an immutable list. */
    public BencodeList {
        values = List.copyOf(values);
    }

    /** A list of the given values. */
    public static BencodeList of(BencodeValue... values) {
        return new BencodeList(List.of(values));
    }

    /** The number of elements. */
    public int size() {
        return values.size();
    }

    /** The element at {@code index}. */
    public BencodeValue get(int index) {
        return values.get(index);
    }
}
