package org.everseed.tracker.swarm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Peer ids and IP addresses as machine words, so swarms store and compare them without objects: a
 * 20-byte peer_id is two big-endian longs and an int; an IP address is 16 bytes as two longs, IPv4 as
 * its IPv4-mapped IPv6 form ({@code ::ffff:a.b.c.d}), so a peer reaching a dual-stack socket over IPv4
 * and one reported as IPv4 are the same address.
 */
public final class PeerWords {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** The low word of {@code ::ffff:0.0.0.0}: IPv4-mapped addresses have this above their 32 IPv4 bits. */
    static final long MAPPED = 0xffff_0000_0000L;

    private PeerWords() {
    }

    /** The big-endian long at {@code b[at, at + 8)}. */
    public static long longAt(byte[] b, int at) {
        return (long) LONG.get(b, at);
    }

    /** The big-endian int at {@code b[at, at + 4)}. */
    public static int intAt(byte[] b, int at) {
        return (int) INT.get(b, at);
    }

    static void putLong(byte[] b, int at, long v) {
        LONG.set(b, at, v);
    }

    static void putInt(byte[] b, int at, int v) {
        INT.set(b, at, v);
    }

    /** The high word of an IP address of 4 or 16 bytes (0 for IPv4). */
    public static long ipHigh(byte[] ip) {
        return ip.length == 4 ? 0 : longAt(ip, 0);
    }

    /** The low word of an IP address of 4 or 16 bytes (IPv4 as IPv4-mapped). */
    public static long ipLow(byte[] ip) {
        return ip.length == 4 ? ipv4Low(intAt(ip, 0)) : longAt(ip, 8);
    }

    /** The low word of the IPv4 address {@code ipv4} (network order in an int), IPv4-mapped. */
    public static long ipv4Low(int ipv4) {
        return MAPPED | ipv4 & 0xffff_ffffL;
    }

    /** Whether the address of these words is IPv4 (IPv4-mapped). */
    public static boolean isIpv4(long ipHigh, long ipLow) {
        return ipHigh == 0 && (ipLow & 0xffff_ffff_0000_0000L) == MAPPED;
    }

    /** The 4 or 16 address bytes of these words (4 for IPv4-mapped). */
    public static byte[] ipBytes(long ipHigh, long ipLow) {
        if (isIpv4(ipHigh, ipLow)) {
            byte[] ip = new byte[4];
            putInt(ip, 0, (int) ipLow);
            return ip;
        }
        byte[] ip = new byte[16];
        putLong(ip, 0, ipHigh);
        putLong(ip, 8, ipLow);
        return ip;
    }
}
