package org.everseed.bittorrent.tracker.http;

/**
 * One decoded {@code name=value} pair of a query string.
 *
 * @param name the decoded name (ASCII; anything else is kept as Latin-1 and matches no known name)
 * @param value the decoded value bytes
 * @param offset character index of the name in the raw query
 * @param valueOffset character index of the value in the raw query
 */
record QueryParameter(String name, byte[] value, int offset, int valueOffset) {
}
