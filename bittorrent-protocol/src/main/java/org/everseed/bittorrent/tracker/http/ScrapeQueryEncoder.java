package org.everseed.bittorrent.tracker.http;

import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.tracker.ScrapeRequest;

/** Builds scrape URLs and query strings (BEP 48) for a client. Stateless and thread-safe. */
public final class ScrapeQueryEncoder {
    private ScrapeQueryEncoder() {
    }

    /** The query string, without the {@code ?}: one {@code info_hash} per swarm, percent-encoded bytes. */
    public static String encode(ScrapeRequest request) {
        StringBuilder q = new StringBuilder(64 * request.infoHashes().size());
        for (InfoHash h : request.infoHashes()) {
            QueryEncoding.append(q, "info_hash", h.bytes());
        }
        return q.toString();
    }

    /**
     * The scrape URL of a tracker by the BEP 48 convention: the last path segment of the announce URL
     * must start with {@code announce}, which becomes {@code scrape}. Empty when it does not.
     */
    public static Optional<String> scrapeUrl(String announceUrl) {
        int query = announceUrl.indexOf('?');
        String path = query < 0 ? announceUrl : announceUrl.substring(0, query);
        int slash = path.lastIndexOf('/');
        if (slash < 0 || !path.startsWith("announce", slash + 1)) {
            return Optional.empty();
        }
        return Optional.of(path.substring(0, slash + 1) + "scrape" + announceUrl.substring(slash + 1 + "announce".length()));
    }

    /** The full scrape URL for {@code request}, if the announce URL follows the convention. */
    public static Optional<String> url(String announceUrl, ScrapeRequest request) {
        return scrapeUrl(announceUrl).map(base -> QueryEncoding.join(base, encode(request)));
    }
}
