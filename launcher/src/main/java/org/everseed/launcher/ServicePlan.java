package org.everseed.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one service in this JVM: its Spring Boot application class, its name (the module name, which is also
 * its {@code spring.config.name}, so that each service reads its own {@code <name>.yml}), and the properties the
 * launcher sets for it.
 *
 * <p>The properties are handed over as command-line arguments, so they override the service's own configuration
 * file (Spring Boot's default properties would not).
 *
 * @param name the module name, e.g. {@code tracker-service}
 * @param application the {@code @SpringBootApplication} class
 * @param httpPort the HTTP port the service listens on
 * @param properties Spring properties, in order; unmodifiable
 */
public record ServicePlan(String name, Class<?> application, int httpPort, Map<String, String> properties) {

    /** Checks and freezes the plan. */
    public ServicePlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(application, "application");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * @param more properties to add, replacing same-named ones
     * @return a copy of this plan with {@code more} applied last
     */
    public ServicePlan with(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(properties);
        merged.putAll(more);
        return new ServicePlan(name, application, httpPort, merged);
    }

    /** @return the properties as {@code --key=value} arguments for {@code SpringApplication.run} */
    public String[] arguments() {
        List<String> arguments = new ArrayList<>(properties.size());
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments.toArray(String[]::new);
    }
}
