package org.everseed.tracker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The tracker service: HTTP announce and scrape (BEP 3, 23, 7, 48) on port 8083 for the torrents it
 * learned from {@code TorrentCreated}; swarms in memory; {@code SwarmEmpty} and {@code SwarmStats} out.
 * Its configuration file is {@code tracker-service.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrackerServiceApplication {

    /** Starts the service with {@code spring.config.name=tracker-service}. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(TrackerServiceApplication.class)
                .properties("spring.config.name=tracker-service")
                .run(args);
    }
}
