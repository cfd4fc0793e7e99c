package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.everseed.storage.BlobStorage;

/**
 * What identifies the stored bytes of a blob without reading them: its length and, for blobs on a
 * local file system, its last-modified time (ms) and file key (device and inode). A blob replaced
 * (even by one of the same length) or rewritten in place gets another fingerprint.
 *
 * @param size length in bytes
 * @param modifiedMillis last-modified time in ms since the epoch, -1 when the storage has none
 * @param fileKey the file system's identity of the file, {@code null} when unknown
 */
public record FileFingerprint(long size, long modifiedMillis, Object fileKey) {

    /**
     * The fingerprint of {@code blobKey} now.
     *
     * @return empty if the blob does not exist
     * @throws IOException if it exists but cannot be examined
     */
    public static Optional<FileFingerprint> of(BlobStorage blobs, String blobKey) throws IOException {
        try {
            Optional<Path> local = blobs.localPath(blobKey);
            if (local.isPresent()) {
                BasicFileAttributes a = Files.readAttributes(local.get(), BasicFileAttributes.class);
                return Optional.of(new FileFingerprint(a.size(), a.lastModifiedTime().toMillis(), a.fileKey()));
            }
            if (!blobs.exists(blobKey)) {
                return Optional.empty();
            }
            return Optional.of(new FileFingerprint(blobs.size(blobKey), -1, null));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
