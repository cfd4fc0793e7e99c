/**
 * Cross-cutting gateway behaviour without domain logic: recognising requests for the torrent behind a download
 * URL ({@code ?torrent}, {@code Accept: application/x-bittorrent}) so the routes can send them to the metafile
 * service, and {@code Vary: Accept} on download URLs.
 */
package org.everseed.gateway.filter;
