/**
 * The peer wire transport: a Netty TCP server on one port for every torrent, wrapping the
 * protocol's incremental codecs (BEP 3 handshake and messages, BEP 6 bits) and sending blocks as
 * zero-copy file regions.
 */
package org.everseed.seed.peerwire;
