package org.everseed.metafile.catalog;

import org.everseed.bittorrent.id.InfoHash;
import org.everseed.metafile.config.MetafileProperties;
import org.springframework.stereotype.Component;

/** The public links the service hands out, all built from {@code everseed.public-base-url}. */
@Component
public class PublicLinks {
    private final String base;

    /** @param properties the service settings */
    public PublicLinks(MetafileProperties properties) {
        this.base = properties.baseUrl();
    }

    /** The HTTP tracker's announce URL (BEP 3): {@code {base}/announce}. */
    public String announce() {
        return base + "/announce";
    }

    /** The .torrent URL: {@code {base}/torrents/{hex}.torrent}. */
    public String torrent(InfoHash infoHash) {
        return base + "/torrents/" + infoHash.hex() + ".torrent";
    }
}
