package org.everseed.portal;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web portal: publisher pages, uploads, the REST API for CI, and the published files over plain
 * HTTP with Range support (the web seed). Configuration in {@code web-portal.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebPortalApplication {
    /** The module name, also its configuration file name. */
    public static final String NAME = "web-portal";

    /** Starts the portal on its own. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(WebPortalApplication.class).properties("spring.config.name=" + NAME).run(args);
    }
}
