package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Reads bytes at a position, as {@link java.nio.channels.FileChannel#read(ByteBuffer, long)} does. */
@FunctionalInterface
public interface PositionalReader {

    /**
     * Reads up to {@code dst.remaining()} bytes starting at byte {@code position} into {@code dst}.
     *
     * @return the number of bytes read, or -1 at the end of the data
     * @throws IOException if the bytes cannot be read
     */
    int read(ByteBuffer dst, long position) throws IOException;
}
