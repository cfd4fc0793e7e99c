package org.everseed.portal.publication;

import java.util.List;

/**
 * One file of a multi-file publication.
 *
 * @param publicationId the publication
 * @param index its position in upload order
 * @param path its path below the publication's directory, one component per element
 * @param size length in bytes
 * @param sha256 SHA-256 of its bytes, hex
 * @param blobKey where its bytes are
 */
public record PublicationFile(java.util.UUID publicationId, int index, List<String> path, long size, String sha256, String blobKey) {

    /** Copies the path. */
    public PublicationFile {
        path = List.copyOf(path);
    }

    /** The path joined with {@code /}. */
    public String joinedPath() {
        return String.join("/", path);
    }
}
