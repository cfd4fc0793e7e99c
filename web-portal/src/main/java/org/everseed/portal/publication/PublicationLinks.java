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

    /**
     * The web seed URL (BEP 19): for one file its URL; for several the directory {@code <base>/files/<id>/},
     * to which clients append the torrent name and each file's path.
     */
    public String fileUrl(Publication p, boolean multiFile) {
        return multiFile ? properties.base() + "/files/" + p.id() + "/" : fileUrl(p);
    }

    /** The URL of one file of a multi-file publication: {@code <base>/files/<id>/<name>/<path>}. */
    public String fileUrl(Publication p, PublicationFile f) {
        StringBuilder url = new StringBuilder(fileUrl(p));
        for (String component : f.path()) {
            url.append('/').append(UriUtils.encodePathSegment(component, java.nio.charset.StandardCharsets.UTF_8));
        }
        return url.toString();
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
