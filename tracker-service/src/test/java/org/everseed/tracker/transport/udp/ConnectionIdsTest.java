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
    void sipHashOfThreeWordsEqualsTheHashOfTheirLittleEndianBytes() {
        SipHash mac = new SipHash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);
        long[] words = {0x0123456789abcdefL, -1L, 0xffff_0a00_0001L};
        byte[] message = new byte[24];
        java.nio.ByteBuffer.wrap(message).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(words[0]).putLong(words[1])
                .putLong(words[2]);
        assertThat(mac.hash(words[0], words[1], words[2])).isEqualTo(mac.hash(message, message.length));
    }

    @Test
    void trackersWithTheSameSecretAcceptEachOthersIdsAndOthersDoNot() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        String secret = "replicas-share-this-secret";
        ConnectionIds first = new ConnectionIds(clock, Duration.ofMinutes(2), secret);
        ConnectionIds second = new ConnectionIds(clock, Duration.ofMinutes(2), secret);
        ConnectionIds other = new ConnectionIds(clock, Duration.ofMinutes(2), "another-secret-of-16+");
        ConnectionIds random = new ConnectionIds(clock, Duration.ofMinutes(2));
        long id = first.issue(IP);
        assertThat(second.check(id, IP)).as("same secret").isTrue();
        assertThat(first.check(second.issue(IP), IP)).as("same secret, the other way").isTrue();
        assertThat(second.check(id, new byte[] {10, 0, 0, 2})).as("same secret, another address").isFalse();
        assertThat(other.check(id, IP)).as("different secret").isFalse();
        assertThat(random.check(id, IP)).as("no secret: a random key").isFalse();
    }

    @Test
    void anIpv4AddressAndItsIpv4MappedFormAreTheSameClient() {
        ConnectionIds ids = new ConnectionIds(Clock.systemUTC(), Duration.ofMinutes(2));
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        assertThat(ids.check(ids.issue(IP), mapped)).isTrue();
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
