package org.everseed.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Blob storage settings, prefix {@code everseed.blob-storage}.
 *
 * @param root directory of the filesystem blob storage; default {@code ./data/blobs}
 */
@ConfigurationProperties("everseed.blob-storage")
public record BlobStorageProperties(@DefaultValue("./data/blobs") Path root) {
}
