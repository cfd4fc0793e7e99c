package org.everseed.tracker.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionIdsTest {
    private static final byte[] IP = {10, 0, 0, 1};

    @Test
    void sipHashMatchesTheReferenceVector() {
        // SipHash-2-4 paper, appendix A: key 00..0f, message 00..0e (15 bytes)
        long k0 = 0x0706050403020100L;
        long k1 = 0x0f0e0d0c0b0a0908L;
        byte[] message = new byte[15];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
        assertThat(new SipHash(k0, k1).hash(message, message.length)).isEqualTo(0xa129ca6149be45e5L);
    }

    @Test
    void anIdChecksOutForItsAddressUntilItExpires() {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        ConnectionIds ids = new ConnectionIds(clock, Duration.ofMinutes(2));
        long id = ids.issue(IP);
        assertThat(ids.check(id, IP)).isTrue();
        assertThat(ids.check(id, new byte[] {10, 0, 0, 2})).as("another address").isFalse();
        assertThat(ids.check(id ^ 1, IP)).as("a flipped MAC bit").isFalse();
        assertThat(ids.check(id + (1L << 32), IP)).as("a forged issue time").isFalse();
        assertThat(new ConnectionIds(clock, Duration.ofMinutes(2)).check(id, IP)).as("another key").isFalse();
        now.addAndGet(120_000);
        assertThat(ids.check(id, IP)).as("at the end of its lifetime").isTrue();
        now.addAndGet(1_000);
        assertThat(ids.check(id, IP)).as("expired").isFalse();
    }
}
