/**
 * Seeding assignments: which torrents this service seeds (kept in the {@code everseed} table so a
 * restart resumes them), and starting an everseed: fetch the .torrent (BEP 3), verify the stored
 * file, serve it, announce it.
 */
package org.everseed.seed.seeding;
