/**
 * The HTTP tracker protocol: announce query strings and responses (BEP 3), compact peer lists
 * (BEP 23), IPv6 peers in {@code peers6} (BEP 7), scrape (BEP 48, the {@code /scrape} convention of
 * BEP 3's extensions). Both sides: a tracker parses queries and encodes responses, a client encodes
 * queries and decodes responses.
 *
 * <p>Queries are parsed from the raw query string with percent escapes decoded straight to bytes,
 * never through a charset: {@code info_hash} and {@code peer_id} are binary. Every parser is bounded by
 * named limits and every error is a {@link org.everseed.bittorrent.tracker.TrackerRequestException}
 * with the offset in the query and a reason fit for a {@code failure reason}.
 */
package org.everseed.bittorrent.tracker.http;
