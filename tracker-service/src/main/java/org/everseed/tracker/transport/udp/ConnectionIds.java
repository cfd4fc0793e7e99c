package org.everseed.tracker.transport.udp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.everseed.tracker.swarm.PeerWords;

/**
 * Connection ids of the UDP tracker (BEP 15) without per-connection state: the upper 32 bits are the
 * second the id was issued (epoch seconds, modulo 2^32), the lower 32 bits a SipHash-2-4 MAC of the
 * client's IP address and that second under a 128-bit key. An id checks out for the same IP address
 * during {@code lifetime} after it was issued; forging one takes about 2^32 guesses per address and
 * second. The key is either made at random at start-up (a restart invalidates every id: clients
 * reconnect, as BEP 15 expects) or derived from a secret (SHA-256, first 16 bytes), so that replicas
 * behind one UDP address accept each other's ids. Allocation-free on the packet path. Thread-safe.
 */
public final class ConnectionIds {
    private final SipHash mac;
    private final Clock clock;
    private final long lifetimeSeconds;

    /** Ids under a random key made now. As {@link #ConnectionIds(Clock, Duration, String)} with no secret. */
    public ConnectionIds(Clock clock, Duration lifetime) {
        this(clock, lifetime, "");
    }

    /**
     * @param clock the time source
     * @param lifetime how long an id is accepted after it was issued, at least 1 s
     * @param secret the shared secret the key is derived from; empty for a random key per instance
     */
    public ConnectionIds(Clock clock, Duration lifetime, String secret) {
        long[] key = secret.isEmpty() ? randomKey() : keyOf(secret);
        this.mac = new SipHash(key[0], key[1]);
        this.clock = clock;
        this.lifetimeSeconds = Math.max(1, lifetime.toSeconds());
    }

    /** A fresh connection id for a client at {@code ip} (4 or 16 bytes). */
    public long issue(byte[] ip) {
        return issue(PeerWords.ipHigh(ip), PeerWords.ipLow(ip));
    }

    /** A fresh connection id for a client at the address of these words ({@link PeerWords}). */
    public long issue(long ipHigh, long ipLow) {
        int now = (int) (clock.millis() / 1000);
        return (long) now << 32 | mac(ipHigh, ipLow, now) & 0xffffffffL;
    }

    /** Whether {@code connectionId} was issued to {@code ip} under this key no longer than the lifetime ago. */
    public boolean check(long connectionId, byte[] ip) {
        return check(connectionId, PeerWords.ipHigh(ip), PeerWords.ipLow(ip));
    }

    /** As {@link #check(long, byte[])}, for the address of these words ({@link PeerWords}). */
    public boolean check(long connectionId, long ipHigh, long ipLow) {
        int issued = (int) (connectionId >>> 32);
        long age = ((clock.millis() / 1000) - (issued & 0xffffffffL)) & 0xffffffffL;
        return age <= lifetimeSeconds && (int) connectionId == mac(ipHigh, ipLow, issued);
    }

    private int mac(long ipHigh, long ipLow, int second) {
        return (int) mac.hash(ipHigh, ipLow, second & 0xffffffffL);
    }

    private static long[] randomKey() {
        SecureRandom random = new SecureRandom();
        return new long[] {random.nextLong(), random.nextLong()};
    }

    private static long[] keyOf(String secret) {
        try {
            ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
            return new long[] {digest.getLong(), digest.getLong()};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
