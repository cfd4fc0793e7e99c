/**
 * BitTorrent metainfo (.torrent files): strict, bounded parsing and canonical writing.
 *
 * <ul>
 *   <li>BEP 3: the metainfo file, the info dictionary (single-file {@code length}, multi-file {@code files}
 *       with {@code path} lists), {@code piece length}, {@code pieces}; the v1 info_hash is the SHA-1 of
 *       the info dictionary's bytes exactly as received, never of a re-encoding.</li>
 *   <li>BEP 12: {@code announce-list} tiers.</li>
 *   <li>BEP 19: {@code url-list} web seeds (one string or a list).</li>
 *   <li>BEP 27: the {@code private} flag.</li>
 *   <li>BEP 47: pad files ({@code attr} {@code p}) that align each file of a hybrid torrent to a piece.</li>
 *   <li>BEP 52: v2 and hybrid torrents: {@code meta version} 2, the {@code file tree} with each file's
 *       {@code pieces root} (SHA-256 merkle tree over 16 KiB blocks), {@code piece layers}; the v2 info_hash is
 *       the SHA-256 of the info dictionary's bytes as received.</li>
 * </ul>
 *
 * <p>Every limit is named in {@link org.everseed.bittorrent.metainfo.MetainfoLimits}; every error is a
 * {@link org.everseed.bittorrent.metainfo.MetainfoException} with the byte offset where it is known.
 * No I/O: bytes in, records out. New torrents: a {@link org.everseed.bittorrent.metainfo.ContentLayout} cuts
 * the content into hash units, a {@link org.everseed.bittorrent.metainfo.UnitHasher} per thread hashes the
 * buffers the caller has read (v1 and v2 in one pass), a {@link org.everseed.bittorrent.metainfo.ContentHashes}
 * collects them into the info dictionary and piece layers.
 */
package org.everseed.bittorrent.metainfo;
