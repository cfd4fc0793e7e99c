package org.everseed.seed;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The seed service: runs everseeds, BitTorrent peers that serve every published torrent from blob
 * storage on one peer wire port (BEP 3). Its configuration file is {@code seed-service.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SeedServiceApplication {

    /** Starts the service with {@code spring.config.name=seed-service}. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(SeedServiceApplication.class)
                .properties("spring.config.name=seed-service")
                .run(args);
    }
}
