package org.everseed.bittorrent.tracker.http;

import java.util.Map;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeEncoder;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.tracker.ScrapeResponse;
import org.everseed.bittorrent.tracker.ScrapeStats;

/**
 * Encodes a scrape response (BEP 48): {@code files}, a dictionary keyed by the raw 20-byte info_hash,
 * each value holding {@code complete}, {@code downloaded} and {@code incomplete}. Stateless and
 * thread-safe.
 */
public final class ScrapeResponseEncoder {
    private ScrapeResponseEncoder() {
    }

    /** The bencoded response body. */
    public static byte[] encode(ScrapeResponse response) {
        BencodeDictionary.Builder files = BencodeDictionary.builder();
        for (Map.Entry<InfoHash, ScrapeStats> e : response.files().entrySet()) {
            ScrapeStats s = e.getValue();
            files.put(BencodeString.of(e.getKey().bytes()), BencodeDictionary.builder()
                    .put("complete", s.complete())
                    .put("downloaded", s.downloaded())
                    .put("incomplete", s.incomplete())
                    .build());
        }
        return BencodeEncoder.encode(BencodeDictionary.builder().put("files", files.build()).build());
    }
}
