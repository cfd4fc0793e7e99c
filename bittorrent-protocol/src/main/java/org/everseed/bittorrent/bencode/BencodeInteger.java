package org.everseed.bittorrent.bencode;

/**
 * A bencoded integer (BEP 3), bounded to a signed 64-bit value: larger integers are rejected by the
 * decoder, since no BitTorrent field needs them.
 *
 * @param value the integer
 */
public record BencodeInteger(long value) implements BencodeValue {

    /** The integer {@code value}. */
    public static BencodeInteger of(long value) {
        return new BencodeInteger(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
