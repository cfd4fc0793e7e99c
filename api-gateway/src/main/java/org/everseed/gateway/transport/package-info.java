/**
 * The gateway's Netty pipeline additions: request targets that {@code java.net.URI} refuses are
 * repaired before Spring sees them, so that the owning service, not the gateway, answers them (a
 * tracker answers a malformed announce with a bencoded {@code failure reason}, BEP 3).
 */
package org.everseed.gateway.transport;
