package org.everseed.portal.upload;

import java.util.List;

/**
 * One uploaded file, committed to blob storage.
 *
 * @param path its path as submitted, split into checked components (the last is the file name)
 * @param blobKey where its bytes are
 * @param size length in bytes
 * @param sha256 SHA-256 of its bytes, lower-case hex
 */
public record StoredFile(List<String> path, String blobKey, long size, String sha256) {

    /** Copies the path. */
    public StoredFile {
        path = List.copyOf(path);
    }

    /** The path joined with {@code /}. */
    public String joinedPath() {
        return String.join("/", path);
    }
}
