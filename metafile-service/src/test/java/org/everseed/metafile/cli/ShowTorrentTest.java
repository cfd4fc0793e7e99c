package org.everseed.metafile.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowTorrentTest {
    @TempDir
    Path dir;

    @Test
    void printsAValidTorrentAndTheOffsetOfABadOne() throws Exception {
        Path good = Files.writeString(dir.resolve("good.torrent"),
                "d4:infod6:lengthi5e4:name5:a.txt12:piece lengthi16384e6:pieces20:" + "x".repeat(20) + "ee");
        Path bad = Files.writeString(dir.resolve("bad.torrent"), "d4:infod6:lengthi5e4:name5:a.txt12:piece lengthi16384e6:pieces20:xx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ShowTorrent.run(new String[] {good.toString(), bad.toString()}, new PrintStream(out), new PrintStream(err));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("name: a.txt\n", "total size: 5 bytes\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.torrent: not valid bencode: string length 20 runs past the end of input at byte 62");
        assertThat(ShowTorrent.run(new String[0], new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }
}
