package org.everseed.bittorrent.tracker;

import java.util.Arrays;

/**
 * A peer's IP address (4 bytes for IPv4, 16 for IPv6, network byte order) and TCP port. Immutable.
 * Compact forms: 6 bytes for IPv4 (BEP 23), 18 bytes for IPv6 (BEP 7).
 */
public final class PeerAddress {
    /** Bytes of a compact IPv4 peer: 4 address bytes, 2 port bytes (BEP 23). */
    public static final int COMPACT_IPV4_LENGTH = 6;
    /** Bytes of a compact IPv6 peer: 16 address bytes, 2 port bytes (BEP 7). */
    public static final int COMPACT_IPV6_LENGTH = 18;

    private final byte[] ip;
    private final int port;

    private PeerAddress(byte[] ip, int port) {
        this.ip = ip;
        this.port = port;
    }

    /**
     * The address {@code ip} (copied) with {@code port}.
     *
     * @throws IllegalArgumentException if {@code ip} is not 4 or 16 bytes or the port is outside 0..65535
     */
    public static PeerAddress of(byte[] ip, int port) {
        if (ip.length != 4 && ip.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, got " + ip.length);
        }
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return new PeerAddress(ip.clone(), port);
    }

    /** Reads a compact peer (BEP 23 or BEP 7) of {@code ipLength} + 2 bytes at {@code offset}. */
    public static PeerAddress readCompact(byte[] data, int offset, int ipLength) {
        byte[] ip = Arrays.copyOfRange(data, offset, offset + ipLength);
        int port = (data[offset + ipLength] & 0xff) << 8 | data[offset + ipLength + 1] & 0xff;
        return of(ip, port);
    }

    /** Writes the compact form (address then big-endian port) into {@code target} at {@code offset}. */
    public void writeCompact(byte[] target, int offset) {
        System.arraycopy(ip, 0, target, offset, ip.length);
        target[offset + ip.length] = (byte) (port >>> 8);
        target[offset + ip.length + 1] = (byte) port;
    }

    /** A copy of the 4 or 16 address bytes. */
    public byte[] ip() {
        return ip.clone();
    }

    /** The TCP port, 0..65535. */
    public int port() {
        return port;
    }

    /** Whether this is an IPv6 address (16 bytes). */
    public boolean isIpv6() {
        return ip.length == 16;
    }

    /** Length of the compact form: 6 or 18. */
    public int compactLength() {
        return ip.length + 2;
    }

    /** The address as text: dotted quad or uncompressed IPv6 groups. */
    public String ipText() {
        return IpText.format(ip);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerAddress p && port == p.port && Arrays.equals(ip, p.ip);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ip) * 31 + port;
    }

    @Override
    public String toString() {
        return isIpv6() ? "[" + ipText() + "]:" + port : ipText() + ":" + port;
    }
}
