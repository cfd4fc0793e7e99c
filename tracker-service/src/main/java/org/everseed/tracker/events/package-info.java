/**
 * Kafka in and out: {@code TorrentCreated} registers torrents; the periodic sweep expires peers and
 * emits {@code SwarmEmpty} through the outbox and {@code SwarmStats} directly.
 */
package org.everseed.tracker.events;
