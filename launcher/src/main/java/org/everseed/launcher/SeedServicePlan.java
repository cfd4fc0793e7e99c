package org.everseed.launcher;

import java.util.Map;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.seed.SeedServiceApplication;

/**
 * Plans seed-service: schema {@code seed}, blob storage under the home, HTTP on {@code seed-port} (8084), the peer
 * wire (BEP 3) on {@code seed-peer-port} (6881), and metafile-service's local address for fetching metainfo.
 */
final class SeedServicePlan {

    /** The module name, also the config file name. */
    static final String NAME = "seed-service";
    /** The service's schema in database {@value EmbeddedInfrastructure#DATABASE}. */
    static final String SCHEMA = "seed";
    /** The seed's property for its peer wire TCP port. */
    static final String PEER_PORT_PROPERTY = "everseed.seed.peer-port";
    /** The seed's property for metafile-service's base URI. */
    static final String METAFILE_URI_PROPERTY = "everseed.seed.metafile-uri";

    private SeedServicePlan() {
    }

    /**
     * @param settings the launcher settings, ports resolved
     * @param infrastructure the running PostgreSQL and Kafka
     * @return the plan
     */
    static ServicePlan create(LauncherSettings settings, EmbeddedInfrastructure infrastructure) {
        Map<String, String> properties = ServiceProperties.withDatabase(NAME, SCHEMA, settings.seedPort(), settings,
                infrastructure);
        properties.putAll(ServiceProperties.blobStorage(settings));
        properties.put(PEER_PORT_PROPERTY, Integer.toString(settings.seedPeerPort()));
        properties.put(METAFILE_URI_PROPERTY, LauncherSettings.localHttp(settings.metafilePort()).toString());
        return new ServicePlan(NAME, SeedServiceApplication.class, settings.seedPort(), properties);
    }
}
