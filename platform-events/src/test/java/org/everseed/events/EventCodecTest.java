package org.everseed.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";
    private final EventCodec codec = new EventCodec();

    private static List<PlatformEvent> samples() {
        Instant t = Instant.parse("2026-12-03T10:15:30.123Z");
        UUID pub = UUID.fromString("7f0c1a52-3c7e-4a4e-9d55-0f4a8e8f2b11");
        return List.of(
                new FileUploaded(UUID.randomUUID(), t, pub, "ubuntu.iso", 1 << 20, "a".repeat(64), "ab/cd", "http://x/files/1/ubuntu.iso", null),
                new TorrentCreated(UUID.randomUUID(), t, pub, HASH, "ubuntu.iso", 1 << 20, 262144, "ab/cd", "http://x/t.torrent", "magnet:?xt=urn:btih:" + HASH),
                new SwarmEmpty(UUID.randomUUID(), t, HASH, t.minusSeconds(60)),
                new SwarmStats(UUID.randomUUID(), t, HASH, 1, 2, 3),
                new PublicationWithdrawn(UUID.randomUUID(), t, pub, HASH, null),
                new TorrentCreated(UUID.randomUUID(), t, pub, HASH, "hybrid.iso", 1 << 20, 262144, "ab/cd", "http://x/h.torrent",
                        "magnet:?xt=urn:btih:" + HASH, "b".repeat(64)),
                new EverseedStopped(UUID.randomUUID(), t, HASH, EverseedStopped.CHANGED, "piece 3 does not match its SHA-1"),
                new FileUploaded(UUID.randomUUID(), t, pub, "v2.iso", 1 << 20, "a".repeat(64), "ab/cd", "http://x/files/1/v2.iso", 16384, "v2"),
                new FileUploaded(UUID.randomUUID(), t, pub, "dir", 7, "a".repeat(64), "ab/cd", "http://x/files/1/", null, "hybrid",
                        List.of(new UploadedFile(List.of("a", "b.bin"), 7, "b".repeat(64), "ab/ef"),
                                new UploadedFile(List.of("empty"), 0, "c".repeat(64), "ab/gh"))),
                new TorrentCreated(UUID.randomUUID(), t, pub, HASH, "dir", 7, 16384, "ab/cd", "http://x/d.torrent",
                        "magnet:?xt=urn:btih:" + HASH, "b".repeat(64),
                        List.of(new UploadedFile(List.of("a", "b.bin"), 7, "b".repeat(64), "ab/ef"))));
    }

    @Test
    void everyEventRoundTrips() {
        for (PlatformEvent event : samples()) {
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void jsonCarriesTheTypeIdAndIsoTimes() {
        String json = new String(codec.encode(samples().get(2)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"SwarmEmpty.v1\"").contains("\"occurredAt\":\"2026-12-03T10:15:30.123Z\"");
    }

    @Test
    void unknownFieldsAreIgnored() {
        PlatformEvent stats = samples().get(3);
        String json = new String(codec.encode(stats), StandardCharsets.UTF_8).replace("{", "{\"future\":1,");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(stats);
    }

    @Test
    void anUnknownTorrentFormatIsPoison() {
        String json = new String(codec.encode(samples().get(7)), StandardCharsets.UTF_8).replace("\"v2\"", "\"v3\"");
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("format");
    }

    @Test
    void multiFileUploadsMustAddUp() {
        String json = new String(codec.encode(samples().get(8)), StandardCharsets.UTF_8).replace("\"size\":0", "\"size\":1");
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("sum");
    }

    @Test
    void poisonIsRejectedWithAReason() {
        assertThatThrownBy(() -> codec.decode("{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"Nope.v9\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
        String badHash = new String(codec.encode(samples().get(3)), StandardCharsets.UTF_8).replace(HASH, "XYZ");
        assertThatThrownBy(() -> codec.decode(badHash.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("infoHash");
        assertThatThrownBy(() -> codec.decode(codec.encode(samples().get(3)), SwarmEmpty.class))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("expected SwarmEmpty");
        assertThatThrownBy(() -> codec.decode(null, SwarmEmpty.class)).isInstanceOf(EventDecodingException.class);
        String badReason = new String(codec.encode(samples().get(6)), StandardCharsets.UTF_8)
                .replace(EverseedStopped.CHANGED, "bored");
        assertThatThrownBy(() -> codec.decode(badReason.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("reason");
    }

    @Test
    void keysFollowTheCatalogue() {
        List<PlatformEvent> s = samples();
        assertThat(s.get(0).key()).isEqualTo("7f0c1a52-3c7e-4a4e-9d55-0f4a8e8f2b11");
        assertThat(s.get(1).key()).isEqualTo(HASH);
        assertThat(s.stream().map(PlatformEvent::topic).distinct()).containsExactlyElementsOf(Topics.all());
    }
}
