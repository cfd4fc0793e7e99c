package org.everseed.bittorrent.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Canonical bencode encoder (BEP 3): dictionary keys in ascending raw byte order, integers in
 * shortest decimal form. Stateless and thread-safe.
 */
public final class BencodeEncoder {

    private BencodeEncoder() {
    }

    /** Encodes {@code value} into a new array. */
    public static byte[] encode(BencodeValue value) {
        Output out = new Output(estimate(value));
        write(value, out);
        return out.toByteArray();
    }

    private static void write(BencodeValue value, Output out) {
        switch (value) {
            case BencodeString s -> {
                out.ascii(Integer.toString(s.length()));
                out.write(':');
                out.string(s);
            }
            case BencodeInteger i -> {
                out.write('i');
                out.ascii(Long.toString(i.value()));
                out.write('e');
            }
            case BencodeList l -> {
                out.write('l');
                for (BencodeValue v : l.values()) {
                    write(v, out);
                }
                out.write('e');
            }
            case BencodeDictionary d -> {
                out.write('d');
                for (Map.Entry<BencodeString, BencodeValue> e : d.entries().entrySet()) {
                    write(e.getKey(), out);
                    write(e.getValue(), out);
                }
                out.write('e');
            }
        }
    }

    private static int estimate(BencodeValue value) {
        return switch (value) {
            case BencodeString s -> s.length() + 11;
            case BencodeInteger i -> 21;
            case BencodeList l -> 2 + l.values().stream().mapToInt(BencodeEncoder::estimate).sum();
            case BencodeDictionary d -> 2 + d.entries().entrySet().stream()
                    .mapToInt(e -> estimate(e.getKey()) + estimate(e.getValue())).sum();
        };
    }

    /** A growable byte array; no I/O. */
    private static final class Output {
        private byte[] buf;
        private int size;

        Output(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        void write(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void ascii(String s) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void string(BencodeString s) {
            ensure(s.length());
            s.copyTo(buf, size);
            size += s.length();
        }

        private void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        byte[] toByteArray() {
            return size == buf.length ? buf : Arrays.copyOf(buf, size);
        }
    }
}
