package org.everseed.seed.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Random;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.PieceHashes;
import org.everseed.bittorrent.peer.Bitfield;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PieceVerifierTest {
    @TempDir
    Path dir;

    @Test
    void onlyPiecesWhoseSha1MatchesAreVerifiedIncludingAShortLastPiece() throws Exception {
        int pieceLength = 3 * 1024 * 1024 / 2;       // 1.5 MiB: more than one read chunk per piece
        byte[] content = new byte[pieceLength * 3 + 1000];
        new Random(7).nextBytes(content);
        byte[] hashes = new byte[4 * 20];
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (int i = 0; i < 4; i++) {
            int from = i * pieceLength;
            sha1.update(content, from, Math.min(pieceLength, content.length - from));
            System.arraycopy(sha1.digest(), 0, hashes, i * 20, 20);
        }
        InfoDictionary info = InfoDictionary.singleFile("f.bin", content.length, pieceLength,
                PieceHashes.of(hashes), false, Optional.empty());
        content[pieceLength + 5] ^= 1;                   // corrupt piece 1
        Path file = Files.write(dir.resolve("f.bin"), content);

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Bitfield good = PieceVerifier.verify(channel, info);
            assertThat(good.has(0)).isTrue();
            assertThat(good.has(1)).isFalse();
            assertThat(good.has(2)).isTrue();
            assertThat(good.has(3)).isTrue();
            assertThat(PieceVerifier.verifyPiece(channel, info, 1)).isFalse();
            assertThat(PieceVerifier.verifyPiece(channel, info, 3)).isTrue();
        }
    }
}
