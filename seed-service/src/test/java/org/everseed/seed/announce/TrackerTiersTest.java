package org.everseed.seed.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** BEP 12 tiers: order, unsupported schemes and repeats left out, the tracker that answered moved to the front of its tier. */
class TrackerTiersTest {
    private static final Predicate<String> HTTP_OR_UDP = u -> u.startsWith("http://") || u.startsWith("udp://");

    @Test
    void tiersAreTriedInOrderWithoutTrackersNoClientSpeaks() {
        TrackerTiers tiers = TrackerTiers.of(List.of(
                List.of("http://a/announce", "wss://b/announce"),
                List.of("udp://c:6969/announce", "http://a/announce"),
                List.of("wss://d"),
                List.of("udp://e:1/announce", "http://f/announce")), HTTP_OR_UDP);
        assertThat(tiers.inOrder()).containsExactly("http://a/announce", "udp://c:6969/announce",
                "udp://e:1/announce", "http://f/announce");
        assertThat(tiers.isEmpty()).isFalse();
    }

    @Test
    void theTrackerThatAnsweredMovesToTheFrontOfItsTierOnly() {
        TrackerTiers tiers = TrackerTiers.of(List.of(
                List.of("http://a", "http://b"),
                List.of("udp://c:1", "udp://d:1", "udp://e:1")), HTTP_OR_UDP);
        tiers.answered("udp://e:1");
        assertThat(tiers.inOrder()).containsExactly("http://a", "http://b", "udp://e:1", "udp://c:1", "udp://d:1");
        tiers.answered("http://b");
        assertThat(tiers.inOrder()).containsExactly("http://b", "http://a", "udp://e:1", "udp://c:1", "udp://d:1");
        tiers.answered("udp://unknown:1");
        assertThat(tiers.inOrder()).containsExactly("http://b", "http://a", "udp://e:1", "udp://c:1", "udp://d:1");
    }

    @Test
    void noSupportedTrackerLeavesNothing() {
        assertThat(TrackerTiers.of(List.of(List.of("wss://x"), List.of()), HTTP_OR_UDP).isEmpty()).isTrue();
    }
}
