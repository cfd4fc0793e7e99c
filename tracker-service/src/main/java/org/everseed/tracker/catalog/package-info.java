/**
 * The registered torrents in the {@code tracker} schema: registered from {@code TorrentCreated},
 * loaded into the swarm registry at start-up, with their completed-download counts.
 */
package org.everseed.tracker.catalog;
