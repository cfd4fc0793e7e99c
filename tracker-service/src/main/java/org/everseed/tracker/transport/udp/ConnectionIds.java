package org.everseed.tracker.transport.udp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Connection ids of the UDP tracker (BEP 15) without per-connection state: the upper 32 bits are the
 * second the id was issued (epoch seconds, modulo 2^32), the lower 32 bits a SipHash-2-4 MAC of that
 * second and the client's IP address under a random key made at start-up. An id checks out for the
 * same IP address during {@code lifetime} after it was issued; forging one takes about 2^32 guesses per
 * address and second. A restart (new key) invalidates every id: clients reconnect, as BEP 15 expects.
 * A sharded cluster would share the key. Thread-safe.
 */
public final class ConnectionIds {
    private final SipHash mac;
    private final Clock clock;
    private final long lifetimeSeconds;

    /**
     * @param clock the time source
     * @param lifetime how long an id is accepted after it was issued, at least 1 s
     */
    public ConnectionIds(Clock clock, Duration lifetime) {
        SecureRandom random = new SecureRandom();
        this.mac = new SipHash(random.nextLong(), random.nextLong());
        this.clock = clock;
        this.lifetimeSeconds = Math.max(1, lifetime.toSeconds());
    }

    /** A fresh connection id for a client at {@code ip} (4 or 16 bytes). */
    public long issue(byte[] ip) {
        int now = (int) (clock.millis() / 1000);
        return (long) now << 32 | mac(ip, now) & 0xffffffffL;
    }

    /** Whether {@code connectionId} was issued to {@code ip} by this tracker no longer than the lifetime ago. */
    public boolean check(long connectionId, byte[] ip) {
        int issued = (int) (connectionId >>> 32);
        long age = ((clock.millis() / 1000) - (issued & 0xffffffffL)) & 0xffffffffL;
        return age <= lifetimeSeconds && (int) connectionId == mac(ip, issued);
    }

    private int mac(byte[] ip, int second) {
        byte[] input = new byte[ip.length + 4];
        System.arraycopy(ip, 0, input, 0, ip.length);
        input[ip.length] = (byte) (second >>> 24);
        input[ip.length + 1] = (byte) (second >>> 16);
        input[ip.length + 2] = (byte) (second >>> 8);
        input[ip.length + 3] = (byte) second;
        return (int) mac.hash(input, input.length);
    }
}
