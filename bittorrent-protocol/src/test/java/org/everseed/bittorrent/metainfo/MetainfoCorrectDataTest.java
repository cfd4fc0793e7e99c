package org.everseed.bittorrent.metainfo;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.junit.jupiter.api.Test;

class MetainfoCorrectDataTest {

    @Test
    void singleFileWithEveryTopLevelField() {
        String info = TorrentBytes.singleInfo();
        byte[] torrent = TorrentBytes.of("d8:announce20:http://t.example/ann"
                + "13:announce-listll20:http://t.example/annel6:udp://ee"
                + "7:comment2:hi10:created by3:me!13:creation datei1700000000e"
                + "4:info" + info
                + "8:url-list18:http://w.example/fe").bytes();

        Metainfo m = MetainfoParser.parse(torrent);

        assertThat(m.info().name()).isEqualTo("a.txt");
        assertThat(m.info().multiFile()).isFalse();
        assertThat(m.info().totalLength()).isEqualTo(5);
        assertThat(m.info().pieceLength()).isEqualTo(4);
        assertThat(m.info().pieces().count()).isEqualTo(2);
        assertThat(m.announce()).contains("http://t.example/ann");
        assertThat(m.announceList()).containsExactly(List.of("http://t.example/ann"), List.of("udp://"));
        assertThat(m.urlList()).containsExactly("http://w.example/f");
        assertThat(m.creationDate()).contains(Instant.ofEpochSecond(1_700_000_000));
        assertThat(m.comment()).contains("hi");
        assertThat(m.createdBy()).contains("me!");
        assertThat(m.infoBytes()).isEqualTo(info.getBytes(US_ASCII));
        assertThat(m.infoHash()).isEqualTo(InfoHash.sha1Of(info.getBytes(US_ASCII)));
    }

    @Test
    void theInfoHashIsOfTheBytesReceivedIncludingUnknownKeys() {
        // An unknown key inside info ("x-extra") must count in the hash: we hash the span, not a re-encoding.
        String info = "d6:lengthi5e4:name5:a.txt12:piece lengthi4e6:pieces40:" + "x".repeat(40) + "7:x-extrai7ee";
        byte[] torrent = TorrentBytes.of("d4:info" + info + "e").bytes();

        Metainfo m = MetainfoParser.parse(torrent);

        assertThat(m.infoHash()).isEqualTo(InfoHash.sha1Of(info.getBytes(US_ASCII)));
        assertThat(m.infoHash()).isNotEqualTo(InfoHash.sha1Of(MetainfoWriter.encodeInfo(m.info())));
        assertThat(MetainfoWriter.write(m)).isEqualTo(torrent);
    }

    @Test
    void multiFilePrivateWithSource() {
        String info = "d5:filesld6:lengthi3e4:pathl1:a5:b.binee"
                + "d6:lengthi0e4:pathl5:emptyeee"
                + "4:name3:dir12:piece lengthi16384e6:pieces20:" + "p".repeat(20)
                + "7:privatei1e6:source3:srce";
        Metainfo m = MetainfoParser.parse(TorrentBytes.of("d4:info" + info + "e").bytes());

        assertThat(m.info().multiFile()).isTrue();
        assertThat(m.info().files()).containsExactly(
                new FileEntry(List.of("a", "b.bin"), 3), new FileEntry(List.of("empty"), 0));
        assertThat(m.info().privateTorrent()).isTrue();
        assertThat(m.info().source()).contains("src");
        assertThat(m.trackers()).isEmpty();
    }

    @Test
    void urlListMayBeAListAndAnnounceListFallsBackToAnnounce() {
        byte[] torrent = TorrentBytes.of("d8:announce3:t:a4:info" + TorrentBytes.singleInfo()
                + "8:url-listl3:w:13:w:2ee").bytes();
        Metainfo m = MetainfoParser.parse(torrent);
        assertThat(m.urlList()).containsExactly("w:1", "w:2");
        assertThat(m.trackers()).containsExactly("t:a");
    }

    @Test
    void anEmptyFileHasNoPieces() {
        byte[] torrent = TorrentBytes.of("d4:infod6:lengthi0e4:name1:e12:piece lengthi16384e6:pieces0:ee").bytes();
        Metainfo m = MetainfoParser.parse(torrent);
        assertThat(m.info().pieces().count()).isZero();
    }

    @Test
    void createdMetainfoRoundTripsThroughWriterAndParser() {
        PieceHasher hasher = new PieceHasher(16384);
        byte[] content = new byte[40_000];
        Arrays.fill(content, (byte) 7);
        hasher.update(java.nio.ByteBuffer.wrap(content));
        InfoDictionary info = InfoDictionary.singleFile("f.bin", content.length, 16384, hasher.finish(), false,
                Optional.empty());
        Metainfo created = Metainfo.create(info, Optional.of("http://h/announce"), List.of(),
                List.of("http://h/files/1/f.bin"), Optional.of(Instant.ofEpochSecond(5)), Optional.empty(),
                Optional.of("Everseed"));

        byte[] written = MetainfoWriter.write(created);
        Metainfo parsed = MetainfoParser.parse(written);

        assertThat(parsed).isEqualTo(created);
        assertThat(parsed.infoHash()).isEqualTo(created.infoHash());
        assertThat(MetainfoWriter.write(parsed)).isEqualTo(written);
    }
}
