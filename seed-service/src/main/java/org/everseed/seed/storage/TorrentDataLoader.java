package org.everseed.seed.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.metainfo.FileEntry;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.storage.BlobStorage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Opens a torrent's blobs (one per content file) before it is served, checking their lengths only: pieces are hashed lazily,
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
     * Checks {@code blobKey} exists and is exactly as long as the single-file v1 torrent {@code info} (BEP 3).
     *
     * @param onProblem told once if the file later turns out missing or changed
     * @throws TorrentDataException if the blob is missing, unreadable or of another length, or the torrent is
     *     multi-file
     */
    public TorrentData load(String blobKey, InfoDictionary info, Consumer<DataProblem> onProblem)
            throws TorrentDataException {
        return load(List.of(blobKey), Metainfo.create(info, Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty()), onProblem);
    }

    /** As {@link #load(List, Metainfo, Consumer)} for a single-file torrent whose content is {@code blobKey}. */
    public TorrentData load(String blobKey, Metainfo metainfo, Consumer<DataProblem> onProblem)
            throws TorrentDataException {
        return load(List.of(blobKey), metainfo, onProblem);
    }

    /**
     * Checks that each content file's blob exists and is exactly as long as the file, for a torrent of any format
     * (v1, v2 or hybrid; single- or multi-file; pieces are verified lazily, v2 ones against the piece layers).
     *
     * @param blobKeys the blob of each content file, in {@link InfoDictionary#contentFiles()} order
     * @param onProblem told once if a file later turns out missing or changed
     * @throws TorrentDataException if a blob is missing, unreadable or of another length, or the number of blobs is
     *     not the number of content files
     */
    public TorrentData load(List<String> blobKeys, Metainfo metainfo, Consumer<DataProblem> onProblem)
            throws TorrentDataException {
        List<FileEntry> contentFiles = metainfo.info().contentFiles();
        if (blobKeys.size() != contentFiles.size()) {
            throw new TorrentDataException("torrent " + metainfo.info().name() + " has " + contentFiles.size()
                    + " files, " + blobKeys.size() + " blobs given");
        }
        List<FileFingerprint> fingerprints = new ArrayList<>(blobKeys.size());
        for (int i = 0; i < blobKeys.size(); i++) {
            fingerprints.add(checkBlob(blobKeys.get(i), contentFiles.get(i).length()));
        }
        try {
            return new TorrentData(files, blobKeys, metainfo, fingerprints, verification, ahead, onProblem);
        } catch (IllegalArgumentException e) {
            throw new TorrentDataException("torrent " + metainfo.info().name() + " cannot be served: " + e.getMessage(), e);
        }
    }

    private FileFingerprint checkBlob(String blobKey, long length) throws TorrentDataException {
        try {
            FileFingerprint fingerprint = FileFingerprint.of(blobs, blobKey)
                    .orElseThrow(() -> new TorrentDataException("blob " + blobKey + " does not exist"));
            if (fingerprint.size() != length) {
                throw new TorrentDataException("blob " + blobKey + " has " + fingerprint.size() + " bytes, the torrent "
                        + length);
            }
            return fingerprint;
        } catch (IOException | IllegalArgumentException e) {
            throw new TorrentDataException("blob " + blobKey + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the served blobs are still the ones loaded: same length, identity and modification time.
     *
     * @return the problem of the first that vanished or changed, if any
     */
    public Optional<DataProblem> check(TorrentData data) {
        for (int i = 0; i < data.blobKeys().size(); i++) {
            String blobKey = data.blobKeys().get(i);
            try {
                Optional<FileFingerprint> now = FileFingerprint.of(blobs, blobKey);
                if (now.isEmpty()) {
                    return Optional.of(new DataProblem(DataProblem.Kind.MISSING, "blob " + blobKey + " does not exist"));
                }
                if (!now.get().equals(data.fingerprints().get(i))) {
                    return Optional.of(new DataProblem(DataProblem.Kind.CHANGED, "blob " + blobKey + " changed: "
                            + data.fingerprints().get(i) + " -> " + now.get()));
                }
            } catch (IOException e) {
                return Optional.of(new DataProblem(DataProblem.Kind.CHANGED, "blob " + blobKey
                        + " cannot be examined: " + e.getMessage()));
            }
        }
        return Optional.empty();
    }
}
