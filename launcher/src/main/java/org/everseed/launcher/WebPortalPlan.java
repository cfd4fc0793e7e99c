package org.everseed.launcher;

import java.util.Map;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.portal.WebPortalApplication;

/** Plans web-portal: schema {@code portal}, blob storage under the home, HTTP on {@code portal-port} (8081). */
final class WebPortalPlan {

    /** The module name, also the config file name. */
    static final String NAME = "web-portal";
    /** The portal's schema in database {@value EmbeddedInfrastructure#DATABASE}. */
    static final String SCHEMA = "portal";

    private WebPortalPlan() {
    }

    /**
     * @param settings the launcher settings, ports resolved
     * @param infrastructure the running PostgreSQL and Kafka
     * @return the plan
     */
    static ServicePlan create(LauncherSettings settings, EmbeddedInfrastructure infrastructure) {
        Map<String, String> properties = ServiceProperties.withDatabase(NAME, SCHEMA, settings.portalPort(), settings,
                infrastructure);
        properties.putAll(ServiceProperties.blobStorage(settings));
        return new ServicePlan(NAME, WebPortalApplication.class, settings.portalPort(), properties);
    }
}
