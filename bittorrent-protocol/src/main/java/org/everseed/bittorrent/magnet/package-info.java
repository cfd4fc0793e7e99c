/**
 * Magnet URIs for BitTorrent (BEP 9, with the v2 {@code urn:btmh} form of BEP 52): building and strict,
 * bounded parsing of {@code magnet:?xt=urn:btih:<info_hash>&dn=<name>&tr=<tracker>&ws=<web seed>}.
 * Percent-encoding follows RFC 3986 (UTF-8, unreserved characters as they are). No I/O.
 */
package org.everseed.bittorrent.magnet;
