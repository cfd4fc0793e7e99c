package org.everseed.seed.announce.udp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The host and port of a {@code udp://host:port[/path]} tracker URL (BEP 15). The path (usually
 * {@code /announce}) is not sent: BEP 15 packets carry no URL. An IPv6 host is written in brackets
 * ({@code udp://[2001:db8::1]:6969/announce}, RFC 3986).
 *
 * @param host the host name or address literal, without brackets
 * @param port the UDP port, 1..65535
 */
public record UdpTrackerAddress(String host, int port) {

    /**
     * Parses {@code url}.
     *
     * @throws IllegalArgumentException if the scheme is not {@code udp}, the URL is malformed, or it has no host
     *     or no port in 1..65535 (BEP 15 trackers have no default port)
     */
    public static UdpTrackerAddress parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed UDP tracker URL: " + url, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("udp")) {
            throw new IllegalArgumentException("not a udp:// tracker URL: " + url);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("UDP tracker URL without a host: " + url);
        }
        if (uri.getPort() < 1 || uri.getPort() > 0xffff) {
            throw new IllegalArgumentException("UDP tracker URL without a port in 1..65535: " + url);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new UdpTrackerAddress(host, uri.getPort());
    }

    /** Whether {@code url} names a UDP tracker (scheme {@code udp}, any case); says nothing of its validity. */
    public static boolean isUdp(String url) {
        return url.regionMatches(true, 0, "udp://", 0, 6);
    }
}
