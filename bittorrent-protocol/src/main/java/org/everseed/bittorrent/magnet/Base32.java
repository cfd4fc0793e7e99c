package org.everseed.bittorrent.magnet;

/** RFC 4648 base32 without padding, either case: the 32-character form of a v1 info_hash (BEP 9). */
final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /** Decodes 32 characters to 20 bytes; {@code index} is where the text starts in the URI, for errors. */
    static byte[] decode(String text, int index) {
        byte[] out = new byte[text.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int v = ALPHABET.indexOf(Character.toUpperCase(text.charAt(i)));
            if (v < 0) {
                throw new MagnetException("not a base32 character", index + i);
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
