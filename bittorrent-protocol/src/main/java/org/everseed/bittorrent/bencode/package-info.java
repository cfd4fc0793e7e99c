/**
 * Bencode, the serialization of BitTorrent (BEP 3, "bencoding").
 *
 * <p>Decoding is strict and bounded: integers without leading zeros or negative zero, string lengths
 * without leading zeros and never beyond the input, dictionary keys in strictly ascending raw byte
 * order, no trailing bytes, a nesting depth of at most {@link org.everseed.bittorrent.bencode.BencodeDecoder#MAX_DEPTH}.
 * Every error names the byte offset where it was found. Encoding is canonical (sorted keys), so a
 * decoded canonical input re-encodes to the same bytes. No I/O: bytes in, values out.
 */
package org.everseed.bittorrent.bencode;
