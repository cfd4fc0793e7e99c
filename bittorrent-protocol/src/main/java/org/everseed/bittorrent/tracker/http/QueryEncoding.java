package org.everseed.bittorrent.tracker.http;

/**
 * Percent-encoding of query values byte by byte (RFC 3986 section 2.1): unreserved characters stay,
 * every other byte becomes {@code %XX}. Binary values such as info_hash never pass through a charset.
 */
final class QueryEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoding() {
    }

    /** Appends {@code name=} and the escaped {@code value} to {@code out}, preceded by {@code &} unless first. */
    static void append(StringBuilder out, String name, byte[] value) {
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(name).append('=');
        for (byte b : value) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    /** Appends a text value whose characters each stand for one byte (ISO-8859-1), as parsed keys are. */
    static void append(StringBuilder out, String name, String value) {
        append(out, name, value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** Joins {@code base} and {@code query} with {@code ?}, or with {@code &} if {@code base} has a query already. */
    static String join(String base, String query) {
        return base + (base.indexOf('?') >= 0 ? '&' : '?') + query;
    }
}
