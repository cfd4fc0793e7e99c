/**
 * The bytes behind each everseed: the stored file opened once for positional reads, checked against
 * the metainfo's length and piece hashes (BEP 3) before anything is served.
 */
package org.everseed.seed.storage;
