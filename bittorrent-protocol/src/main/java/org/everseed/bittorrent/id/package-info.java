/**
 * Identifiers of the BitTorrent protocol as value types: the v1 info_hash (SHA-1, BEP 3), the v2
 * info_hash (SHA-256, BEP 52) and the peer_id (BEP 3, BEP 20). Validated on construction, hex in
 * {@code toString()}, never strings built with a charset.
 */
package org.everseed.bittorrent.id;
