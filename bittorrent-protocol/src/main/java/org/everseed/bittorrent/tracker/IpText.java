package org.everseed.bittorrent.tracker;

import java.util.Optional;

/**
 * IP addresses as text, without {@code java.net} (no name lookups ever): dotted-quad IPv4 and
 * colon-hex IPv6 with optional {@code ::} compression (RFC 4291 section 2.2, without embedded IPv4).
 */
public final class IpText {
    private IpText() {
    }

    /** Formats 4 bytes as a dotted quad, 16 bytes as eight lower-case hex groups. */
    public static String format(byte[] ip) {
        StringBuilder s = new StringBuilder(39);
        if (ip.length == 4) {
            for (int i = 0; i < 4; i++) {
                s.append(i == 0 ? "" : ".").append(ip[i] & 0xff);
            }
            return s.toString();
        }
        if (ip.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, got " + ip.length);
        }
        for (int i = 0; i < 16; i += 2) {
            s.append(i == 0 ? "" : ":").append(Integer.toHexString((ip[i] & 0xff) << 8 | ip[i + 1] & 0xff));
        }
        return s.toString();
    }

    /** Parses an IPv4 dotted quad or an IPv6 literal; empty for anything else (host names included). */
    public static Optional<byte[]> parse(String text) {
        if (text.length() > 45) {
            return Optional.empty();
        }
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    private static Optional<byte[]> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] ip = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || !digits(p)) {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            ip[i] = (byte) v;
        }
        return Optional.of(ip);
    }

    private static Optional<byte[]> parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] h = groups(head);
        int[] t = groups(tail);
        if (h == null || t == null || h.length + t.length > (gap >= 0 ? 7 : 8)
                || (gap < 0 && h.length != 8)) {
            return Optional.empty();
        }
        byte[] ip = new byte[16];
        for (int i = 0; i < h.length; i++) {
            ip[2 * i] = (byte) (h[i] >>> 8);
            ip[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int at = 16 - 2 * (t.length - i);
            ip[at] = (byte) (t[i] >>> 8);
            ip[at + 1] = (byte) t[i];
        }
        return Optional.of(ip);
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            for (int j = 0; j < p.length(); j++) {
                if (Character.digit(p.charAt(j), 16) < 0) {
                    return null;
                }
            }
            out[i] = Integer.parseInt(p, 16);
        }
        return out;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
