package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.peer.Bitfield;
import org.springframework.stereotype.Component;

/**
 * Opens a torrent's blob and verifies it against the metainfo before it is served. Blocking: call
 * it on the verification pool, never on an event loop.
 */
@Component
public class TorrentDataLoader {
    private final FileHandles files;

    /** @param files the shared open blob files */
    public TorrentDataLoader(FileHandles files) {
        this.files = files;
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
        try (FileHandles.Lease lease = files.acquire(blobKey)) {
            long size = lease.channel().size();
            if (size != info.totalLength()) {
                throw new TorrentDataException("blob " + blobKey + " has " + size + " bytes, the torrent "
                        + info.totalLength());
            }
            Bitfield verified = PieceVerifier.verify(lease.channel(), info);
            return new TorrentData(files, blobKey, info.pieceLength(), info.totalLength(), verified);
        } catch (NoSuchFileException e) {
            throw new TorrentDataException("blob " + blobKey + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new TorrentDataException("blob " + blobKey + " cannot be read: " + e.getMessage(), e);
        }
    }
}
