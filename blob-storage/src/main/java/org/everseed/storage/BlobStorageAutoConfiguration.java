package org.everseed.storage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Gives a service a {@link BlobStorage} on the filesystem, rooted at {@code everseed.blob-storage.root}. */
@AutoConfiguration
@EnableConfigurationProperties(BlobStorageProperties.class)
public class BlobStorageAutoConfiguration {

    /** The filesystem blob storage. */
    @Bean
    @ConditionalOnMissingBean
    public BlobStorage blobStorage(BlobStorageProperties properties) {
        return new FilesystemBlobStorage(properties.root());
    }
}
