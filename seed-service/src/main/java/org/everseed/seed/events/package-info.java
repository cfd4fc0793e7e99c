/**
 * Kafka listeners of the seed service: {@code TorrentCreated} starts an everseed, {@code SwarmEmpty}
 * restarts one assigned here that is not running. Idempotent: an event seen twice changes nothing.
 */
package org.everseed.seed.events;
