/**
 * The transport-agnostic announce core (BEP 3): one {@code announce(AnnounceRequest,
 * InetSocketAddress)} called by the HTTP adapter now and the UDP adapter (BEP 15) later.
 */
package org.everseed.tracker.announce;
