/**
 * Swarms in memory: the peers of each registered torrent, split into seeders and leechers, with
 * expiry, peer selection (BEP 3: seeders get leechers, leechers get seeders first, nobody gets
 * itself) and the seederless clock behind {@code SwarmEmpty}. One lock per swarm; the registry is a
 * concurrent map, so announces to different torrents never wait for each other.
 */
package org.everseed.tracker.swarm;
