package org.everseed.bittorrent.tracker.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.tracker.ScrapeResponse;
import org.everseed.bittorrent.tracker.ScrapeStats;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.TrackerResponseException;

/** Decodes a scrape response body (BEP 48) for a client. Stateless and thread-safe. */
public final class ScrapeResponseDecoder {
    private ScrapeResponseDecoder() {
    }

    /**
     * Decodes {@code body}.
     *
     * @throws TrackerFailureException if the tracker sent a {@code failure reason}
     * @throws TrackerResponseException with the byte offset, if the body is not bencode, lacks
     *     {@code files}, has a key that is not 20 bytes, or a count that is missing or negative
     */
    public static ScrapeResponse decode(byte[] body) {
        ResponseFields top = ResponseFields.top(body);
        int filesAt = top.offsetOf("files");
        ResponseFields files = ResponseFields.nested(top.get("files").orElseThrow(
                () -> new TrackerResponseException("missing files", 0, null)), filesAt, "files");
        Map<InfoHash, ScrapeStats> out = new LinkedHashMap<>();
        for (Map.Entry<BencodeString, BencodeValue> e : files.dictionary().entries().entrySet()) {
            if (e.getKey().length() != InfoHash.LENGTH) {
                throw new TrackerResponseException("files key must be a 20-byte info_hash, got "
                        + e.getKey().length() + " bytes", filesAt, null);
            }
            ResponseFields s = ResponseFields.nested(e.getValue(), filesAt, "a files entry");
            out.put(InfoHash.of(e.getKey().bytes()), new ScrapeStats(
                    s.intValue("complete", s.integer("complete")),
                    s.integer("downloaded"),
                    s.intValue("incomplete", s.integer("incomplete"))));
        }
        return new ScrapeResponse(out);
    }
}
