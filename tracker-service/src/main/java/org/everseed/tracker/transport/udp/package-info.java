/**
 * The UDP tracker adapter (BEP 15) on {@code everseed.tracker.udp-port}: a Netty datagram server
 * ({@link org.everseed.tracker.transport.udp.UdpTrackerServer}) around a Netty-free exchange
 * ({@link org.everseed.tracker.transport.udp.UdpTrackerExchange}) that checks connection ids (keyed MACs
 * with expiry, {@link org.everseed.tracker.transport.udp.ConnectionIds}) and calls the same
 * transport-agnostic announce and scrape cores as HTTP. Nothing is answered to a source whose
 * connection id does not check out, except a connect: no amplification.
 */
package org.everseed.tracker.transport.udp;
