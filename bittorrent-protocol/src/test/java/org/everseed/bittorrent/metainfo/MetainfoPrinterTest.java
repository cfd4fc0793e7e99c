package org.everseed.bittorrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

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
}
