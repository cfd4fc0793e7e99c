package org.everseed.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes one blob. Bytes go to a temporary place; {@link #commit()} makes them visible under the
 * key atomically, {@link #close()} without a commit removes them, so a failed upload leaves nothing
 * behind. Not thread-safe.
 */
public interface BlobWriter extends AutoCloseable {

    /**
     * Appends all remaining bytes of {@code buffer}.
     *
     * @throws IOException if the storage fails
     */
    void write(ByteBuffer buffer) throws IOException;

    /** Bytes written so far. */
    long size();

    /**
     * Makes the blob visible under its key, replacing nothing: fails if the key exists.
     *
     * @throws java.nio.file.FileAlreadyExistsException if a blob with the key exists
     * @throws IOException if the storage fails
     */
    void commit() throws IOException;

    /** Discards the bytes unless committed. Never throws. */
    @Override
    void close();
}
