package org.everseed.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where published files live. Keys are relative, slash-separated names (letters, digits, '.', '-',
 * '_' in each segment, no "." or ".." segments). Blobs are written once through a {@link BlobWriter},
 * which makes them visible atomically, and read many times. Blocking I/O: call it off the event loop.
 */
public interface BlobStorage {

    /**
     * Starts writing the blob {@code key}; nothing is visible under that key until
     * {@link BlobWriter#commit()}.
     *
     * @throws IllegalArgumentException if the key is malformed
     * @throws IOException if the storage cannot be written
     */
    BlobWriter create(String key) throws IOException;

    /**
     * Opens the blob for positional reads; the caller closes the channel.
     *
     * @throws NoSuchFileException if there is no such blob
     * @throws IOException if it cannot be opened
     */
    FileChannel openRead(String key) throws IOException;

    /**
     * The blob's length in bytes.
     *
     * @throws NoSuchFileException if there is no such blob
     */
    long size(String key) throws IOException;

    /** Whether the blob exists. */
    boolean exists(String key);

    /** The blob's path on the local filesystem, for zero-copy transfers; empty when it has none. */
    Optional<Path> localPath(String key);

    /**
     * Deletes the blob; no error if it does not exist.
     *
     * @throws IOException if it exists and cannot be deleted
     */
    void delete(String key) throws IOException;
}
