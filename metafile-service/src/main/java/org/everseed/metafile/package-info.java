/**
 * The metafile service: metainfo (BEP 3, BEP 19) from uploaded files, .torrent files and magnet links (BEP 9).
 * Packages: {@code config} (properties), {@code hashing} (parallel piece hashing of blobs), {@code catalog}
 * (building and storing torrents, the outbox event), {@code events} (Kafka listeners), {@code web} (HTTP).
 */
package org.everseed.metafile;
