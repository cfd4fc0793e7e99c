package org.everseed.launcher;

import java.util.Map;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.tracker.TrackerServiceApplication;

/**
 * Plans tracker-service: schema {@code tracker}, HTTP on {@code tracker-port} (8083), UDP announces (BEP 15) on
 * {@code tracker-udp-port} (6969).
 */
final class TrackerServicePlan {

    /** The module name, also the config file name. */
    static final String NAME = "tracker-service";
    /** The service's schema in database {@value EmbeddedInfrastructure#DATABASE}. */
    static final String SCHEMA = "tracker";
    /** The tracker's property for its UDP port. */
    static final String UDP_PORT_PROPERTY = "everseed.tracker.udp-port";

    private TrackerServicePlan() {
    }

    /**
     * @param settings the launcher settings, ports resolved
     * @param infrastructure the running PostgreSQL and Kafka
     * @return the plan
     */
    static ServicePlan create(LauncherSettings settings, EmbeddedInfrastructure infrastructure) {
        Map<String, String> properties = ServiceProperties.withDatabase(NAME, SCHEMA, settings.trackerPort(), settings,
                infrastructure);
        properties.put(UDP_PORT_PROPERTY, Integer.toString(settings.trackerUdpPort()));
        return new ServicePlan(NAME, TrackerServiceApplication.class, settings.trackerPort(), properties);
    }
}
