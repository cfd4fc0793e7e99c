package org.everseed.bittorrent.tracker.http;

import java.util.ArrayList;
import java.util.List;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.tracker.ScrapeRequest;
import org.everseed.bittorrent.tracker.TrackerRequestException;

/**
 * Parses the raw query string of an HTTP scrape (BEP 48): any number of {@code info_hash} parameters
 * (20 bytes each, percent-decoded to bytes), up to {@link #MAX_INFO_HASHES}. Other parameters are
 * ignored. Stateless and thread-safe.
 */
public final class ScrapeRequestParser {
    /** Most info_hashes in one scrape. */
    public static final int MAX_INFO_HASHES = 100;
    /** Longest raw query accepted, in characters: room for {@link #MAX_INFO_HASHES} fully escaped hashes. */
    public static final int MAX_QUERY_LENGTH = MAX_INFO_HASHES * 72;

    private ScrapeRequestParser() {
    }

    /**
     * Parses {@code rawQuery} (without the {@code ?}). No info_hash at all yields an empty request (a
     * "scrape everything", which the tracker may refuse).
     *
     * @throws TrackerRequestException with the offset in the query, if it is too long, has a bad
     *     escape, an info_hash that is not 20 bytes, or more than {@link #MAX_INFO_HASHES} of them
     */
    public static ScrapeRequest parse(CharSequence rawQuery) {
        List<InfoHash> hashes = new ArrayList<>();
        for (QueryParameter p : QueryString.parse(rawQuery, MAX_QUERY_LENGTH)) {
            if (!p.name().equals("info_hash")) {
                continue;
            }
            if (p.value().length != InfoHash.LENGTH) {
                throw new TrackerRequestException("info_hash must be " + InfoHash.LENGTH + " bytes, got "
                        + p.value().length, p.valueOffset());
            }
            if (hashes.size() == MAX_INFO_HASHES) {
                throw new TrackerRequestException("more than " + MAX_INFO_HASHES + " info_hash values", p.offset());
            }
            hashes.add(InfoHash.of(p.value()));
        }
        return new ScrapeRequest(hashes);
    }
}
