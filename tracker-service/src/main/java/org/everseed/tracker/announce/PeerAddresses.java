package org.everseed.tracker.announce;

import java.net.InetAddress;
import java.util.Arrays;
import org.everseed.bittorrent.tracker.PeerAddress;

/** Converts socket addresses to protocol addresses. */
public final class PeerAddresses {
    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private PeerAddresses() {
    }

    /**
     * The peer at {@code ip} listening on {@code port}; an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d},
     * as dual-stack sockets report IPv4 clients) becomes the plain IPv4 address, so it lands in the
     * compact {@code peers} list (BEP 23) rather than {@code peers6} (BEP 7).
     */
    public static PeerAddress of(InetAddress ip, int port) {
        return of(ip.getAddress(), port);
    }

    /** As {@link #of(InetAddress, int)}, from raw 4 or 16 address bytes. */
    public static PeerAddress of(byte[] ip, int port) {
        if (ip.length == 16 && Arrays.equals(ip, 0, 12, IPV4_MAPPED_PREFIX, 0, 12)) {
            return PeerAddress.of(Arrays.copyOfRange(ip, 12, 16), port);
        }
        return PeerAddress.of(ip, port);
    }
}
