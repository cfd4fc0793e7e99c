package org.everseed.gateway.filter;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Recognises a request for the torrent behind a download URL, as Amazon S3's {@code ?torrent} did:
 * {@code GET} (or {@code HEAD}) {@code /files/{id}/{name}} with a {@code torrent} query parameter (any value, or
 * none), or with an {@code Accept} header that names {@code application/x-bittorrent} explicitly (a wildcard such
 * as {@code *}{@code /*} does not count, so browsers and web seeds still get the bytes). The gateway only routes
 * such requests; the metafile service decides what to answer. Stateless.
 */
public final class TorrentRequests {
    /** The media type of .torrent files. */
    public static final MediaType BITTORRENT = MediaType.parseMediaType("application/x-bittorrent");
    /** The query parameter that asks for the torrent. */
    public static final String QUERY_PARAMETER = "torrent";
    /** Download URLs: {@code /files/{id}/{name}}, the id captured as {@code id}. */
    public static final Pattern FILE_PATH = Pattern.compile("^/files/(?<id>[^/]+)/[^/]+$");
    /** Where such requests go on the metafile service, {@code ${id}} replaced by the publication id. */
    public static final String TARGET_PATH = "/torrents/by-publication/${id}";

    private TorrentRequests() {
    }

    /** Whether {@code exchange} asks for the torrent of a download URL. */
    public static boolean wantsTorrent(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return false;
        }
        if (!FILE_PATH.matcher(request.getPath().pathWithinApplication().value()).matches()) {
            return false;
        }
        return request.getQueryParams().containsKey(QUERY_PARAMETER) || acceptsTorrent(request);
    }

    private static boolean acceptsTorrent(ServerHttpRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.getHeaders().getAccept();
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        return accepted.stream().anyMatch(m -> m.getQualityValue() > 0 && m.equalsTypeAndSubtype(BITTORRENT));
    }
}
