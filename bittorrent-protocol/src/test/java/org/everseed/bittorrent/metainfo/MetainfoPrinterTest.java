package org.everseed.bittorrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetainfoPrinterTest {

    @Test
    void describesEveryField() {
        String info = "d5:filesld6:lengthi3e4:pathl1:a5:b.binee"
                + "d6:lengthi0e4:pathl5:emptyeee"
                + "4:name3:dir12:piece lengthi16384e6:pieces20:" + "p".repeat(20) + "7:privatei1e6:source3:srce";
        byte[] torrent = TorrentBytes.of("d8:announce3:t:a13:announce-listll3:t:a3:t:bee7:comment2:hi"
                + "4:info" + info + "8:url-list3:w:1e").bytes();
        Metainfo m = MetainfoParser.parse(torrent);

        String text = MetainfoPrinter.describe(m);

        assertThat(text).contains("name: dir\n", "info_hash: " + m.infoHash().hex() + "\n", "total size: 3 bytes\n",
                "piece length: 16384 bytes\n", "pieces: 1\n", "private: yes\n", "source: src\n",
                "  a/b.bin (3 bytes)\n", "  empty (0 bytes)\n", "announce: t:a\n", "announce-list tier 0: t:a t:b\n",
                "web seed: w:1\n", "comment: hi\n", "first piece hash: " + "70".repeat(20) + "\n");
    }

    @Test
    void describesAHybridMultiFileTorrentWithoutItsPadFiles() {
        ContentLayout layout = ContentLayout.multiFile(TorrentFormat.HYBRID, "dir",
                List.of(new FileEntry(List.of("b"), 5), new FileEntry(List.of("a"), 20000)), 16384);
        ContentHashes hashes = LayoutHashing.hash(layout, List.of(new byte[20000], new byte[5]));
        Metainfo m = Metainfo.create(hashes.infoDictionary(false, Optional.empty()), hashes.pieceLayers(),
                Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

        String text = MetainfoPrinter.describe(MetainfoParser.parse(MetainfoWriter.write(m)));

        assertThat(text).contains("format: hybrid\n", "info_hash: " + m.infoHash().hex() + "\n",
                "info_hash v2: " + m.infoHashV2().orElseThrow().hex() + "\n", "total size: 20005 bytes\n",
                "pieces: 3\n", "  a (20000 bytes)\n", "  b (5 bytes)\n").doesNotContain(".pad");
    }
}
