/**
 * The torrents being seeded and the upload slots shared by their peers: which torrent a handshake's
 * info_hash selects (BEP 3) and who is unchoked (BEP 3 choking, rotated).
 */
package org.everseed.seed.session;
