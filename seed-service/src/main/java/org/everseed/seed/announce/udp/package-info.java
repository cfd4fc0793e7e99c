/**
 * The everseed's UDP tracker client (BEP 15): one shared datagram socket for every announce, connection ids
 * cached per tracker address for up to a minute, random transaction ids checked on each answer, retransmission
 * with a doubling time-out, and a bound on outstanding requests. The packets themselves are written and read by
 * {@code org.everseed.bittorrent.tracker.udp}; this package only moves them.
 */
package org.everseed.seed.announce.udp;
