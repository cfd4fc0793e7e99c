package org.everseed.bittorrent.tracker.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.everseed.bittorrent.tracker.TrackerRequestException;

/**
 * Splits a raw query string ({@code a=1&b=%20x}) into parameters, percent-decoding straight to bytes
 * (RFC 3986 section 2.1; {@code +} is a space, as in HTML form encoding). Only visible ASCII is
 * allowed in the raw query; empty segments ({@code a=1&&b=2}) are skipped.
 */
final class QueryString {
    private QueryString() {
    }

    /**
     * Parses {@code raw} (without the leading {@code ?}).
     *
     * @param maxLength the longest raw query accepted, in characters
     * @throws TrackerRequestException if the query is too long, holds a character that must be escaped,
     *     or a percent escape is truncated or not hex
     */
    static List<QueryParameter> parse(CharSequence raw, int maxLength) {
        if (raw.length() > maxLength) {
            throw new TrackerRequestException("query longer than " + maxLength + " characters", maxLength);
        }
        List<QueryParameter> params = new ArrayList<>();
        int pos = 0;
        while (pos <= raw.length()) {
            int end = indexOf(raw, '&', pos);
            if (end > pos) {
                params.add(parameter(raw, pos, end));
            }
            pos = end + 1;
        }
        return params;
    }

    private static QueryParameter parameter(CharSequence raw, int from, int to) {
        int eq = indexOf(raw, '=', from);
        int nameEnd = Math.min(eq, to);
        byte[] name = decode(raw, from, nameEnd);
        int valueStart = Math.min(nameEnd + 1, to);
        byte[] value = decode(raw, valueStart, to);
        return new QueryParameter(new String(name, StandardCharsets.ISO_8859_1), value, from, valueStart);
    }

    private static byte[] decode(CharSequence raw, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 3 > to) {
                    throw new TrackerRequestException("truncated percent escape", i);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new TrackerRequestException("percent escape is not two hex digits", i);
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                out[n++] = ' ';
            } else if (c > 0x20 && c < 0x7f && c != '#') {
                out[n++] = (byte) c;
            } else {
                throw new TrackerRequestException("character 0x" + Integer.toHexString(c) + " must be percent-encoded", i);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return s.length();
    }
}
