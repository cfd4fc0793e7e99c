package org.everseed.metafile;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The metafile service: turns {@code FileUploaded} events into v1 torrents (BEP 3) with the web seed (BEP 19),
 * stores them, emits {@code TorrentCreated}, and serves the .torrent files and magnet links (BEP 9).
 * HTTP port 8082; configuration in {@code metafile-service.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MetafileServiceApplication {
    /** The module name, also its configuration file name. */
    public static final String NAME = "metafile-service";

    /** Starts the metafile service on its own. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(MetafileServiceApplication.class).properties("spring.config.name=" + NAME).run(args);
    }
}
