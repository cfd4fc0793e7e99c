package org.everseed.portal.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.everseed.storage.BlobWriter;
import org.springframework.core.io.buffer.DataBuffer;

/**
 * A blob being written from a stream of buffers, with its SHA-256 and a size limit. Blocking I/O:
 * used on the bounded-elastic scheduler. Not thread-safe.
 */
final class StreamingBlob implements AutoCloseable {
    private final BlobWriter writer;
    private final MessageDigest sha256;
    /**
     * Bytes past the limit that are still read and discarded, so that a client whose file is a little
     * too large reads the 413 answer instead of a reset connection; beyond it the upload is cut off.
     */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private final long maxBytes;
    private long discarded;

    StreamingBlob(BlobWriter writer, long maxBytes) {
        this.writer = writer;
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Appends the readable bytes of {@code buffer}. */
    void write(DataBuffer buffer) throws IOException {
        if (discarded > 0 || writer.size() + buffer.readableByteCount() > maxBytes) {
            discarded += buffer.readableByteCount();
            if (discarded > DRAIN_LIMIT) {
                throw tooLarge();
            }
            return;
        }
        try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
            while (it.hasNext()) {
                ByteBuffer bytes = it.next();
                sha256.update(bytes.duplicate());
                writer.write(bytes);
            }
        }
    }

    /** Makes the blob visible and returns its size and digest. */
    Stored commit() throws IOException {
        if (discarded > 0) {
            throw tooLarge();
        }
        writer.commit();
        return new Stored(writer.size(), HexFormat.of().formatHex(sha256.digest()));
    }

    private UploadException tooLarge() {
        return new UploadException("file larger than the limit of " + maxBytes + " bytes", true, null);
    }

    @Override
    public void close() {
        writer.close();
    }

    /** A committed blob: its length in bytes and SHA-256 in hex. */
    record Stored(long size, String sha256) {
    }
}
