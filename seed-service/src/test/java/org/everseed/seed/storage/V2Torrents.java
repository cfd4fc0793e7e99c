package org.everseed.seed.storage;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.metainfo.FileEntry;
import org.everseed.bittorrent.metainfo.FileTreeEntry;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.MerkleTree;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.PieceHashes;
import org.everseed.bittorrent.metainfo.PieceLayers;
import org.everseed.bittorrent.metainfo.TorrentFormat;

/** v2 torrents (BEP 52) made in memory for the storage tests. */
final class V2Torrents {
    private V2Torrents() {
    }

    /** The v2-only metainfo of one file {@code f.bin} holding {@code content}, with its piece layer. */
    static Metainfo singleFile(byte[] content, int pieceLength) {
        MerkleTree.FileHashes hashes = MerkleTree.fileHashes(MerkleTree.blockHashes(ByteBuffer.wrap(content)), pieceLength);
        InfoDictionary info = new InfoDictionary("f.bin", pieceLength, PieceHashes.of(new byte[0]), false,
                List.of(new FileEntry(List.of("f.bin"), content.length)), false, Optional.empty(), TorrentFormat.V2,
                List.of(new FileTreeEntry(List.of("f.bin"), content.length, hashes.piecesRoot())));
        PieceLayers layers = hashes.pieceLayer().length == 0 ? PieceLayers.EMPTY
                : PieceLayers.builder().put(hashes.piecesRoot(), hashes.pieceLayer()).build();
        return Metainfo.create(info, layers, Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
