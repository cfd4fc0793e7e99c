package org.everseed.bittorrent.bencode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strict, bounded bencode decoder (BEP 3).
 *
 * <p>Rejects, with the byte offset: leading zeros in integers and string lengths, negative zero,
 * integers beyond 64 bits, string lengths that run past the input (checked before anything is
 * allocated, so a forged "1000000000:" header costs nothing), non-string or unsorted or duplicate
 * dictionary keys, nesting deeper than {@link #MAX_DEPTH}, and trailing bytes. Keys out of order can be accepted
 * ({@link KeyOrder#ANY}) for peer messages from clients that do not sort them (BEP 10 payloads); duplicates never are.
 * Stateless and thread-safe.
 */
public final class BencodeDecoder {
    /** Deepest nesting of lists and dictionaries accepted (BitTorrent needs fewer than 10 levels; BEP 52 file trees add one per directory). */
    public static final int MAX_DEPTH = 64;
    /** Most digits in an integer or a string length: enough for any signed 64-bit value. */
    public static final int MAX_INTEGER_DIGITS = 19;

    private BencodeDecoder() {
    }

    /** Whether dictionary keys must be sorted (BEP 3 bencode) or may come in any order. */
    public enum KeyOrder {
        /** Keys sorted as raw byte strings, as BEP 3 requires: metainfo, tracker responses. */
        SORTED,
        /** Keys in any order, still unique: peer-to-peer messages of clients that write them unsorted. */
        ANY
    }

    /**
     * Decodes {@code data}, which must hold exactly one value.
     *
     * @throws BencodeException if the input is not strict bencode or has trailing bytes
     */
    public static BencodeValue decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    /**
     * Decodes {@code data[from, to)}, which must hold exactly one value. Offsets in errors and spans
     * are absolute positions in {@code data}.
     *
     * @throws BencodeException if the range is not strict bencode or has trailing bytes
     */
    public static BencodeValue decode(byte[] data, int from, int to) {
        return decode(data, from, to, KeyOrder.SORTED);
    }

    /**
     * Decodes {@code data[from, to)}, which must hold exactly one value, with dictionary keys in {@code order}.
     *
     * @throws BencodeException if the range is not bencode (strict but for key order) or has trailing bytes
     */
    public static BencodeValue decode(byte[] data, int from, int to, KeyOrder order) {
        Decoded decoded = decodePrefix(data, from, to, order);
        if (decoded.end() != to) {
            throw new BencodeException("trailing bytes after the value", decoded.end());
        }
        return decoded.value();
    }

    /**
     * Decodes one value at the start of {@code data[from, to)} and says where it ended; whatever follows
     * is left to the caller (BEP 9 metadata messages append raw bytes to a dictionary).
     *
     * @throws BencodeException if the value is not strict bencode
     */
    public static Decoded decodePrefix(byte[] data, int from, int to) {
        return decodePrefix(data, from, to, KeyOrder.SORTED);
    }

    /**
     * As {@link #decodePrefix(byte[], int, int)}, with dictionary keys in {@code order}.
     *
     * @throws BencodeException if the value is not bencode (strict but for key order)
     */
    public static Decoded decodePrefix(byte[] data, int from, int to, KeyOrder order) {
        if (from < 0 || to > data.length || from > to) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ") of " + data.length);
        }
        Reader reader = new Reader(data, from, to, order == KeyOrder.SORTED);
        BencodeValue value = reader.value(0);
        return new Decoded(value, reader.pos);
    }

    /**
     * A decoded value and the offset just past its encoding.
     *
     * @param value the value
     * @param end offset of the first byte after it
     */
    public record Decoded(BencodeValue value, int end) {
    }

    private static final class Reader {
        private final byte[] data;
        private final int end;
        private final boolean sorted;
        private int pos;

        Reader(byte[] data, int from, int to, boolean sorted) {
            this.sorted = sorted;
            this.data = data;
            this.pos = from;
            this.end = to;
        }

        BencodeValue value(int depth) {
            if (pos >= end) {
                throw new BencodeException("unexpected end of input", pos);
            }
            byte b = data[pos];
            if (b == 'i') {
                return integer();
            }
            if (b >= '0' && b <= '9') {
                return string();
            }
            if (b == 'l' || b == 'd') {
                if (depth >= MAX_DEPTH) {
                    throw new BencodeException("nesting deeper than " + MAX_DEPTH, pos);
                }
                return b == 'l' ? list(depth + 1) : dictionary(depth + 1);
            }
            throw new BencodeException("unexpected byte 0x" + Integer.toHexString(b & 0xff), pos);
        }

        private BencodeInteger integer() {
            int start = pos++;
            boolean negative = pos < end && data[pos] == '-';
            if (negative) {
                pos++;
            }
            int digitsStart = pos;
            long value = digits('e');
            int digitCount = pos - digitsStart;
            if (digitCount == 0) {
                throw new BencodeException("integer without digits", digitsStart);
            }
            if (data[digitsStart] == '0' && (digitCount > 1 || negative)) {
                throw new BencodeException(negative ? "negative zero" : "integer with a leading zero", start);
            }
            pos++; // 'e'
            return BencodeInteger.of(negative ? -value : value);
        }

        private BencodeString string() {
            int start = pos;
            long length = digits(':');
            if (data[start] == '0' && pos - start > 1) {
                throw new BencodeException("string length with a leading zero", start);
            }
            pos++; // ':'
            if (length > end - pos) {
                throw new BencodeException("string length " + length + " runs past the end of input", start);
            }
            byte[] bytes = new byte[(int) length];
            System.arraycopy(data, pos, bytes, 0, bytes.length);
            pos += bytes.length;
            return BencodeString.wrap(bytes);
        }

        /** Reads decimal digits up to {@code terminator}, leaving pos on it; the value fits in a long. */
        private long digits(char terminator) {
            int start = pos;
            long value = 0;
            while (pos < end && data[pos] != terminator) {
                byte d = data[pos];
                if (d < '0' || d > '9') {
                    throw new BencodeException("expected a digit or '" + terminator + "'", pos);
                }
                if (pos - start >= MAX_INTEGER_DIGITS) {
                    throw new BencodeException("number longer than " + MAX_INTEGER_DIGITS + " digits", start);
                }
                if (value > (Long.MAX_VALUE - (d - '0')) / 10) {
                    throw new BencodeException("number beyond 64 bits", start);
                }
                value = value * 10 + (d - '0');
                pos++;
            }
            if (pos >= end) {
                throw new BencodeException("unexpected end of input, expected '" + terminator + "'", pos);
            }
            return value;
        }

        private BencodeList list(int depth) {
            pos++; // 'l'
            List<BencodeValue> values = new ArrayList<>();
            while (true) {
                if (pos >= end) {
                    throw new BencodeException("unterminated list", pos);
                }
                if (data[pos] == 'e') {
                    pos++;
                    return new BencodeList(values);
                }
                values.add(value(depth));
            }
        }

        private BencodeDictionary dictionary(int depth) {
            pos++; // 'd'
            TreeMap<BencodeString, BencodeValue> entries = new TreeMap<>();
            Map<BencodeString, Span> spans = new HashMap<>();
            BencodeString previous = null;
            while (true) {
                if (pos >= end) {
                    throw new BencodeException("unterminated dictionary", pos);
                }
                if (data[pos] == 'e') {
                    pos++;
                    return new BencodeDictionary(entries, spans);
                }
                int keyStart = pos;
                if (data[pos] < '0' || data[pos] > '9') {
                    throw new BencodeException("dictionary key is not a string", pos);
                }
                BencodeString key = string();
                if (!sorted && entries.containsKey(key)) {
                    throw new BencodeException("duplicate dictionary key " + key, keyStart);
                }
                if (sorted && previous != null) {
                    int order = previous.compareTo(key);
                    if (order == 0) {
                        throw new BencodeException("duplicate dictionary key " + key, keyStart);
                    }
                    if (order > 0) {
                        throw new BencodeException("dictionary key " + key + " out of order", keyStart);
                    }
                }
                previous = key;
                int valueStart = pos;
                entries.put(key, value(depth));
                spans.put(key, new Span(valueStart, pos));
            }
        }
    }
}
