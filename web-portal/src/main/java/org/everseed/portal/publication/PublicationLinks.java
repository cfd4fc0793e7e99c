package org.everseed.portal.publication;

import org.everseed.portal.config.PortalProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** Builds the public links of a publication from the configured public base URL. */
@Component
public class PublicationLinks {
    private final PortalProperties properties;

    /** @param properties where the public base URL comes from */
    public PublicationLinks(PortalProperties properties) {
        this.properties = properties;
    }

    /** The plain HTTP URL of the file: {@code <base>/files/<id>/<name>}, the name percent-encoded (RFC 3986). */
    public String fileUrl(Publication p) {
        return properties.base() + "/files/" + p.id() + "/" + UriUtils.encodePathSegment(p.name(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The public base URL without a trailing slash. */
    public String base() {
        return properties.base();
    }

    /** The portal page of the publication. */
    public String pageUrl(Publication p) {
        return properties.base() + "/publications/" + p.id();
    }
}
