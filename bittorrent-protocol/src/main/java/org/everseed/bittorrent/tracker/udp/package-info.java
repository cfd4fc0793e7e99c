/**
 * The UDP tracker protocol (BEP 15): connect, announce, scrape and error packets, both sides. A
 * tracker reads requests with {@link org.everseed.bittorrent.tracker.udp.UdpRequestDecoder} and writes
 * answers with {@link org.everseed.bittorrent.tracker.udp.UdpResponseEncoder}; a client writes with
 * {@link org.everseed.bittorrent.tracker.udp.UdpRequestEncoder} and reads with
 * {@link org.everseed.bittorrent.tracker.udp.UdpResponseDecoder}. Announce responses carry 6-byte IPv4
 * peers when the request came over IPv4 and 18-byte IPv6 peers over IPv6 (BEP 15, "IPv6").
 *
 * <p>All integers are big-endian. Every decoder is bounded (a packet is at most
 * {@link org.everseed.bittorrent.tracker.udp.UdpTrackerProtocol#MAX_PACKET_LENGTH} bytes) and reports a
 * malformed packet with a {@link org.everseed.bittorrent.tracker.TrackerRequestException} or
 * {@link org.everseed.bittorrent.tracker.TrackerResponseException} carrying the byte offset. Whether an
 * error may be answered at all (only to a source whose connection id checks out) is the tracker's call:
 * {@link org.everseed.bittorrent.tracker.udp.UdpHeader} is readable before anything else is validated.
 */
package org.everseed.bittorrent.tracker.udp;
