/**
 * The HTTP tracker adapter (BEP 3, 23, 7, 48): {@code GET /announce} and {@code GET /scrape} take the
 * raw query, hand it to the protocol parsers and the transport-agnostic cores, and answer
 * {@code text/plain} bencode. Every error is HTTP 200 with a {@code failure reason}.
 */
package org.everseed.tracker.transport.http;
