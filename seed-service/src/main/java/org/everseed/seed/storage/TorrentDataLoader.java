package org.everseed.seed.storage;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.storage.BlobStorage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Opens a torrent's blob before it is served, checking its length only: pieces are hashed lazily,
 * on first request ({@link TorrentData#verify}), so starting costs the same whatever the library's
 * size. Also re-examines a served blob ({@link #check}) to notice it vanished or changed. Blocking:
 * call it off the event loops.
 */
@Component
public class TorrentDataLoader {
    private final FileHandles files;
    private final BlobStorage blobs;
    private final ExecutorService verification;
    private final ExecutorService ahead;

    /** Wires the loader. */
    public TorrentDataLoader(FileHandles files, BlobStorage blobs,
            @Qualifier("verificationExecutor") ExecutorService verification,
            @Qualifier("verifyAheadExecutor") ExecutorService ahead) {
        this.ahead = ahead;
        this.files = files;
        this.blobs = blobs;
        this.verification = verification;
    }

    /**
     * Checks {@code blobKey} exists and is exactly as long as the torrent (BEP 3).
     *
     * @param onProblem told once if the file later turns out missing or changed
     * @throws TorrentDataException if the blob is missing, unreadable or of another length, or for a
     *     multi-file torrent (only single-file ones are published now)
     */
    public TorrentData load(String blobKey, InfoDictionary info, Consumer<DataProblem> onProblem)
            throws TorrentDataException {
        return new TorrentData(files, blobKey, info, checkBlob(blobKey, info), verification, onProblem);
    }

    /**
     * As {@link #load(String, InfoDictionary, Consumer)} for a single-file torrent of any format (v1, v2 or hybrid;
     * v2 pieces are verified against the piece layers).
     *
     * @throws TorrentDataException as there, also for a v2 torrent whose piece layers do not fit its file
     */
    public TorrentData load(String blobKey, Metainfo metainfo, Consumer<DataProblem> onProblem)
            throws TorrentDataException {
        FileFingerprint fingerprint = checkBlob(blobKey, metainfo.info());
        try {
            return new TorrentData(files, blobKey, metainfo, fingerprint, verification, ahead, onProblem);
        } catch (IllegalArgumentException e) {
            throw new TorrentDataException("torrent of blob " + blobKey + " cannot be served: " + e.getMessage(), e);
        }
    }

    private FileFingerprint checkBlob(String blobKey, InfoDictionary info) throws TorrentDataException {
        if (info.multiFile()) {
            throw new TorrentDataException("multi-file torrents are not seeded yet: " + info.name());
        }
        try {
            FileFingerprint fingerprint = FileFingerprint.of(blobs, blobKey)
                    .orElseThrow(() -> new TorrentDataException("blob " + blobKey + " does not exist"));
            if (fingerprint.size() != info.totalLength()) {
                throw new TorrentDataException("blob " + blobKey + " has " + fingerprint.size() + " bytes, the torrent "
                        + info.totalLength());
            }
            return fingerprint;
        } catch (IOException | IllegalArgumentException e) {
            throw new TorrentDataException("blob " + blobKey + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the served blob is still the one loaded: same length, identity and modification time.
     *
     * @return the problem, if it vanished or changed
     */
    public Optional<DataProblem> check(TorrentData data) {
        try {
            Optional<FileFingerprint> now = FileFingerprint.of(blobs, data.blobKey());
            if (now.isEmpty()) {
                return Optional.of(new DataProblem(DataProblem.Kind.MISSING, "blob " + data.blobKey() + " does not exist"));
            }
            if (!now.get().equals(data.fingerprint())) {
                return Optional.of(new DataProblem(DataProblem.Kind.CHANGED, "blob " + data.blobKey() + " changed: "
                        + data.fingerprint() + " -> " + now.get()));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new DataProblem(DataProblem.Kind.CHANGED, "blob " + data.blobKey()
                    + " cannot be examined: " + e.getMessage()));
        }
    }
}
