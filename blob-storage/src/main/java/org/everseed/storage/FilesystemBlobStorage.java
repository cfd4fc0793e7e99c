package org.everseed.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link BlobStorage} in a directory: each blob a file at {@code root/key}; uploads in progress
 * under {@code root/.incoming}, moved into place atomically on commit.
 */
public final class FilesystemBlobStorage implements BlobStorage {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final String INCOMING = ".incoming";
    private final Path root;

    /**
     * @param root the directory, created if missing
     * @throws UncheckedIOException if it cannot be created
     */
    public FilesystemBlobStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root.resolve(INCOMING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob storage at " + this.root, e);
        }
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    @Override
    public BlobWriter create(String key) throws IOException {
        Path target = resolve(key);
        Path temp = Files.createTempFile(root.resolve(INCOMING), "upload-", ".part");
        return new FileBlobWriter(temp, target);
    }

    @Override
    public FileChannel openRead(String key) throws IOException {
        return FileChannel.open(resolve(key), StandardOpenOption.READ);
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public Optional<Path> localPath(String key) {
        return Optional.of(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    private Path resolve(String key) {
        if (key == null || key.isEmpty() || key.length() > 1024) {
            throw new IllegalArgumentException("blob key must be 1 to 1024 characters");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("malformed blob key segment '" + segment + "' in " + key);
            }
        }
        return root.resolve(key);
    }

    private static final class FileBlobWriter implements BlobWriter {
        private final Path temp;
        private final Path target;
        private final FileChannel channel;
        private long size;
        private boolean committed;

        FileBlobWriter(Path temp, Path target) throws IOException {
            this.temp = temp;
            this.target = target;
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                size += channel.write(buffer);
            }
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void commit() throws IOException {
            channel.force(true);
            channel.close();
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                throw new java.nio.file.FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        public void close() {
            if (committed) {
                return;
            }
            try {
                channel.close();
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: a leftover .part file under .incoming is never served under any key.
            }
        }
    }
}
