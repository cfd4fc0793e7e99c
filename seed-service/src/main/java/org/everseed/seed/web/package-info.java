/**
 * HTTP adapters of the seed service: the metafile-service client that fetches .torrent files and the
 * HTTP tracker client (BEP 3 announce), both on WebClient with explicit timeouts.
 */
package org.everseed.seed.web;
