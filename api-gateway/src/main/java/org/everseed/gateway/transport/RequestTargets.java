package org.everseed.gateway.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Repairs HTTP request targets that are not valid URIs (RFC 3986): in the query, a {@code %} not
 * followed by two hex digits becomes {@code %25}, and every byte outside the characters a query may
 * hold is percent-encoded. A valid target is returned unchanged, so well-formed requests pass
 * through byte for byte. The path is never touched.
 */
public final class RequestTargets {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestTargets() {
    }

    /** {@code target} if it is a valid URI; else the same target with its query repaired. */
    public static String repair(String target) {
        if (isUri(target)) {
            return target;
        }
        int q = target.indexOf('?');
        if (q < 0) {
            return target;
        }
        byte[] query = target.substring(q + 1).getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(target.length() + 16).append(target, 0, q + 1);
        for (int i = 0; i < query.length; i++) {
            int b = query[i] & 0xff;
            if (b == '%' && i + 2 < query.length && isHex(query[i + 1]) && isHex(query[i + 2])) {
                out.append('%');
            } else if (b != '%' && allowedInQuery(b)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >>> 4]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    /** RFC 3986 query characters: unreserved, sub-delims, ':', '@', '/', '?'. */
    private static boolean allowedInQuery(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(b) >= 0;
    }
}
