/**
 * Tracker requests and responses independent of the transport: announce (BEP 3), compact and IPv6
 * peer addresses (BEP 23, BEP 7), scrape (BEP 48). The wire formats live in
 * {@link org.everseed.bittorrent.tracker.http} (HTTP, BEP 3/23/7/48) and {@link org.everseed.bittorrent.tracker.udp}
 * (BEP 15). No I/O: addresses are raw bytes, never {@code java.net} types.
 */
package org.everseed.bittorrent.tracker;
