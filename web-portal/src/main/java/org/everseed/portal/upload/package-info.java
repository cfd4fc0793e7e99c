/**
 * Uploads: a file streamed from the request into blob storage while its SHA-256 is computed, then
 * its publication row and {@code FileUploaded} event written in one transaction. A failed or
 * truncated upload leaves no blob, no row and no event.
 */
package org.everseed.portal.upload;
