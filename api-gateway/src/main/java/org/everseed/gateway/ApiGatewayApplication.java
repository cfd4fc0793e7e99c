package org.everseed.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The API gateway: the platform's single public HTTP origin, routing each path to the service that
 * owns it. No domain logic, no database. Configuration in {@code api-gateway.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiGatewayApplication {
    /** The module name, also its configuration file name. */
    public static final String NAME = "api-gateway";

    /** Starts the gateway on its own. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(ApiGatewayApplication.class).properties("spring.config.name=" + NAME).run(args);
    }
}
