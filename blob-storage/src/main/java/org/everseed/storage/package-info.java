/**
 * Blob storage: where the bytes of published files live. A small interface with a filesystem
 * implementation; keys are opaque relative paths chosen by the writer.
 */
package org.everseed.storage;
