/**
 * The peer wire protocol as plain Java over {@link java.nio.ByteBuffer}s handed in: the handshake
 * with its reserved extension bits (BEP 3, BEP 5 DHT, BEP 6 fast, BEP 10 extension protocol, BEP 52
 * upgrade bit), the length-prefixed messages of BEP 3 (keep-alive, choke, unchoke, interested, not
 * interested, have, bitfield, request, piece, cancel, port), of BEP 6 (suggest, have all, have none,
 * reject request, allowed fast), the BEP 10 extended message envelope and the BEP 52 hash request,
 * hashes and hash reject messages.
 *
 * <p>Decoders are incremental: they return one value and consume its bytes, or return {@code null}
 * and consume nothing when the bytes are not all there yet. Every decoder is bounded by named limits
 * and reports malformed input as a {@link org.everseed.bittorrent.peer.PeerWireException} that carries
 * the offset of the offending byte. No sockets, no threads: the services wrap these codecs.
 */
package org.everseed.bittorrent.peer;
