package org.everseed.events;

import java.util.List;

/**
 * One file of a multi-file publication, as carried by {@link FileUploaded#files()}.
 *
 * @param path the file's path below the publication's directory, one UTF-8 component per element (no empty
 *     component, no {@code .} or {@code ..}, no {@code /})
 * @param size length in bytes
 * @param sha256 SHA-256 of the file, lower-case hex
 * @param blobKey where the bytes are in blob storage (relative key)
 */
public record UploadedFile(List<String> path, long size, String sha256, String blobKey) {

    /** Validates every field and copies the path. */
    public UploadedFile {
        Checks.present(path, "path");
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must have at least one component");
        }
        for (String component : path) {
            Checks.text(component, "path component");
            if (component.equals(".") || component.equals("..") || component.indexOf('/') >= 0) {
                throw new IllegalArgumentException("unsafe path component: " + component);
            }
        }
        Checks.notNegative(size, "size");
        Checks.sha256Hex(sha256);
        Checks.text(blobKey, "blobKey");
    }
}
