package org.everseed.bittorrent.tracker.http;

import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;

/**
 * Builds the query string of an HTTP announce (BEP 3) for a client. {@code info_hash} and
 * {@code peer_id} are percent-encoded byte by byte. Stateless and thread-safe; the output parses back to
 * the same request with {@link AnnounceRequestParser}.
 */
public final class AnnounceQueryEncoder {
    private AnnounceQueryEncoder() {
    }

    /**
     * The query string, without the {@code ?}: info_hash, peer_id, port, uploaded, downloaded, left,
     * then event (unless none), compact, no_peer_id (if set), numwant (unless default), key, trackerid.
     */
    public static String encode(AnnounceRequest request) {
        StringBuilder q = new StringBuilder(256);
        QueryEncoding.append(q, "info_hash", request.infoHash().bytes());
        QueryEncoding.append(q, "peer_id", request.peerId().bytes());
        QueryEncoding.append(q, "port", Integer.toString(request.port()));
        QueryEncoding.append(q, "uploaded", Long.toString(request.uploaded()));
        QueryEncoding.append(q, "downloaded", Long.toString(request.downloaded()));
        QueryEncoding.append(q, "left", Long.toString(request.left()));
        if (request.event() != AnnounceEvent.NONE) {
            QueryEncoding.append(q, "event", request.event().wireName());
        }
        QueryEncoding.append(q, "compact", request.compact() ? "1" : "0");
        if (request.noPeerId()) {
            QueryEncoding.append(q, "no_peer_id", "1");
        }
        if (request.numWant() != AnnounceRequest.NUMWANT_DEFAULT) {
            QueryEncoding.append(q, "numwant", Integer.toString(request.numWant()));
        }
        request.key().ifPresent(k -> QueryEncoding.append(q, "key", k));
        request.trackerId().ifPresent(t -> QueryEncoding.append(q, "trackerid", t));
        return q.toString();
    }

    /**
     * The full announce URL: {@code announceUrl} (from the metainfo, BEP 3; it may carry a query of its
     * own) followed by the encoded request.
     */
    public static String url(String announceUrl, AnnounceRequest request) {
        return QueryEncoding.join(announceUrl, encode(request));
    }
}
