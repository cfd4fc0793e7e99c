package org.everseed.metafile.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.everseed.bittorrent.metainfo.ContentHashes;
import org.everseed.bittorrent.metainfo.ContentLayout;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.bittorrent.metainfo.MetainfoWriter;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.everseed.bittorrent.metainfo.UnitHasher;
import org.everseed.events.FileUploaded;
import org.everseed.metafile.config.MetafileProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The metainfo a publication gets: format choice, trackers (BEP 12 tiers with the UDP tracker), web seed, comment. */
class MetainfoFactoryTest {
    private static final String FILE_URL = "https://seed.example/files/7f0c1a52-3c7e-4a4e-9d55-0f4a8e8f2b11/a%20b.bin";

    @Test
    void announceListHasTheHttpThenTheUdpTrackerAndTheCommentIsSet() {
        MetainfoFactory factory = factory(TorrentFormat.HYBRID, "udp://seed.example:6969/announce", "made here");
        Metainfo m = roundTrip(factory, event(null));

        assertThat(m.format()).isEqualTo(TorrentFormat.HYBRID);
        assertThat(m.announce()).contains("https://seed.example/announce");
        assertThat(m.announceList()).containsExactly(List.of("https://seed.example/announce"),
                List.of("udp://seed.example:6969/announce"));
        assertThat(m.urlList()).containsExactly(FILE_URL);
        assertThat(m.comment()).contains("made here");
        assertThat(factory.magnet(m).toString()).contains("xt=urn:btih:" + m.infoHash().hex(),
                "xt=urn:btmh:1220" + m.infoHashV2().orElseThrow().hex(), "tr=udp%3A%2F%2Fseed.example%3A6969%2Fannounce");
    }

    @Test
    void withoutAUdpTrackerThereIsOnlyAnnounce() {
        Metainfo m = roundTrip(factory(TorrentFormat.V1, " ", null), event(null));
        assertThat(m.format()).isEqualTo(TorrentFormat.V1);
        assertThat(m.announceList()).isEmpty();
        assertThat(m.comment()).isEmpty();
    }

    @Test
    void thePublicationsFormatWinsOverTheDefaultAndV2NamesTheDirectoryAsWebSeed() {
        Metainfo m = roundTrip(factory(TorrentFormat.HYBRID, null, null), event("v2"));
        assertThat(m.format()).isEqualTo(TorrentFormat.V2);
        assertThat(m.urlList()).containsExactly("https://seed.example/files/7f0c1a52-3c7e-4a4e-9d55-0f4a8e8f2b11/");
    }

    @Test
    void anInvalidPieceLengthIsRefused() {
        FileUploaded bad = new FileUploaded(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "a b.bin", 40_000,
                "0".repeat(64), "k", FILE_URL, 20_000, null);
        assertThatThrownBy(() -> factory(TorrentFormat.V1, null, null).layout(bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
    }

    private static Metainfo roundTrip(MetainfoFactory factory, FileUploaded event) {
        ContentLayout layout = factory.layout(event);
        ContentHashes hashes = new ContentHashes(layout);
        UnitHasher hasher = new UnitHasher(layout);
        for (int u = 0; u < layout.unitCount(); u++) {
            hasher.hash(layout.unit(u), ByteBuffer.allocate(layout.unit(u).length()), hashes);
        }
        Metainfo m = factory.metainfo(event, hashes, Instant.parse("2026-12-03T10:00:00Z"));
        return MetainfoParser.parse(MetainfoWriter.write(m));
    }

    private static FileUploaded event(String format) {
        return new FileUploaded(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "a b.bin", 40_000, "0".repeat(64),
                "k", FILE_URL, 16384, format);
    }

    private static MetainfoFactory factory(TorrentFormat format, String udp, String comment) {
        MetafileProperties p = new MetafileProperties("https://seed.example/", "Everseed test", 1, Duration.ofMinutes(1),
                format, udp, DataSize.ofMegabytes(1), comment);
        return new MetainfoFactory(new PublicLinks(p), p);
    }
}
