/**
 * Message Stream Encryption, also called Protocol Encryption (MSE/PE: the Vuze/Azureus specification
 * "Message Stream Encryption", implemented by libtorrent, Transmission, qBittorrent, aria2 and others; there is
 * no BEP for it): a Diffie-Hellman key exchange over a 768-bit prime, SHA-1 derived RC4 keys with the first 1024
 * keystream bytes discarded, and a negotiated payload method, plaintext or RC4. Peers configured to require
 * encryption connect only to peers that speak it; aria2 tries it first by default and falls back to a plain
 * handshake only on its next one-second tick.
 *
 * <p>{@link org.everseed.bittorrent.mse.MseResponder} is the receiving side's (B's) state machine over bytes
 * handed in; no sockets, no threads.
 */
package org.everseed.bittorrent.mse;
