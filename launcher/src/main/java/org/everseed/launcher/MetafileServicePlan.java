package org.everseed.launcher;

import java.util.Map;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.metafile.MetafileServiceApplication;

/**
 * Plans metafile-service: schema {@code metafile}, blob storage under the home, HTTP on {@code metafile-port} (8082),
 * and the UDP tracker (BEP 15) in every torrent's announce-list: {@code udp://<public host>:<tracker-udp-port>/announce}.
 */
final class MetafileServicePlan {

    /** The module name, also the config file name. */
    static final String NAME = "metafile-service";
    /** The service's schema in database {@value EmbeddedInfrastructure#DATABASE}. */
    static final String SCHEMA = "metafile";

    private MetafileServicePlan() {
    }

    /**
     * @param settings the launcher settings, ports resolved
     * @param infrastructure the running PostgreSQL and Kafka
     * @return the plan
     */
    static ServicePlan create(LauncherSettings settings, EmbeddedInfrastructure infrastructure) {
        Map<String, String> properties = ServiceProperties.withDatabase(NAME, SCHEMA, settings.metafilePort(), settings,
                infrastructure);
        properties.putAll(ServiceProperties.blobStorage(settings));
        properties.put("everseed.metafile.udp-tracker-url",
                "udp://" + settings.publicBaseUrl().getHost() + ":" + settings.trackerUdpPort() + "/announce");
        return new ServicePlan(NAME, MetafileServiceApplication.class, settings.metafilePort(), properties);
    }
}
