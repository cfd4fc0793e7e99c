package org.everseed.bittorrent.magnet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding of UTF-8 text: unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) stay as they are. */
final class PercentCoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code uri[from, to)}; {@code +} stays a plus sign (RFC 3986, not HTML forms).
     *
     * @throws MagnetException at the offending index for a bad escape, a raw non-ASCII or control
     *     character, or bytes that are not UTF-8
     */
    static String decode(String uri, int from, int to) {
        ByteBuffer bytes = ByteBuffer.allocate(to - from);
        for (int i = from; i < to; i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    throw new MagnetException("incomplete percent escape", i);
                }
                int hi = Character.digit(uri.charAt(i + 1), 16);
                int lo = Character.digit(uri.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new MagnetException("bad percent escape", i);
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f) {
                throw new MagnetException("character that must be percent-encoded", i);
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new MagnetException("value is not UTF-8", from);
        }
    }
}
