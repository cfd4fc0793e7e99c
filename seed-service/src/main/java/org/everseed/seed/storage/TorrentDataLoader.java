package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.peer.Bitfield;
import org.everseed.storage.BlobStorage;
import org.springframework.stereotype.Component;

/**
 * Opens a torrent's blob and verifies it against the metainfo before it is served. Blocking: call
 * it on the verification pool, never on an event loop.
 */
@Component
public class TorrentDataLoader {
    private final BlobStorage blobs;

    /** @param blobs where published files are */
    public TorrentDataLoader(BlobStorage blobs) {
        this.blobs = blobs;
    }

    /**
     * Opens {@code blobKey}, checks its length equals the torrent's, and hashes every piece (BEP 3).
     *
     * @throws TorrentDataException if the blob is missing, unreadable, or of another length, or if no
     *     multi-file torrent (only single-file ones are published now)
     */
    public TorrentData load(String blobKey, InfoDictionary info) throws TorrentDataException {
        if (info.multiFile()) {
            throw new TorrentDataException("multi-file torrents are not seeded yet: " + info.name());
        }
        FileChannel channel;
        try {
            channel = blobs.openRead(blobKey);
        } catch (NoSuchFileException e) {
            throw new TorrentDataException("blob " + blobKey + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new TorrentDataException("blob " + blobKey + " cannot be opened: " + e.getMessage(), e);
        }
        try {
            long size = channel.size();
            if (size != info.totalLength()) {
                throw new TorrentDataException("blob " + blobKey + " has " + size + " bytes, the torrent "
                        + info.totalLength());
            }
            Bitfield verified = PieceVerifier.verify(channel, info);
            return new TorrentData(channel, info.pieceLength(), info.totalLength(), verified);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new TorrentDataException("blob " + blobKey + " cannot be read: " + e.getMessage(), e);
        } catch (TorrentDataException | RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel, Exception primary) {
        try {
            channel.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
