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
 * </ul>
 *
 * <p>Every limit is named in {@link org.everseed.bittorrent.metainfo.MetainfoLimits}; every error is a
 * {@link org.everseed.bittorrent.metainfo.MetainfoException} with the byte offset where it is known.
 * No I/O: bytes in, records out. Piece hashing ({@link org.everseed.bittorrent.metainfo.PieceHasher})
 * takes buffers that the caller has read.
 */
package org.everseed.bittorrent.metainfo;
