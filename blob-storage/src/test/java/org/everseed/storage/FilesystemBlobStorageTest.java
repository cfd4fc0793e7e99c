package org.everseed.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemBlobStorageTest {
    @TempDir
    Path dir;

    @Test
    void committedBlobsAreReadableAndUncommittedOnesLeaveNothing() throws Exception {
        FilesystemBlobStorage storage = new FilesystemBlobStorage(dir);
        try (BlobWriter w = storage.create("ab/one.bin")) {
            w.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));
            assertThat(storage.exists("ab/one.bin")).isFalse();
            w.commit();
        }
        assertThat(storage.size("ab/one.bin")).isEqualTo(5);
        try (FileChannel ch = storage.openRead("ab/one.bin")) {
            ByteBuffer b = ByteBuffer.allocate(3);
            ch.read(b, 2);
            assertThat(new String(b.array(), StandardCharsets.US_ASCII)).isEqualTo("llo");
        }
        try (BlobWriter w = storage.create("ab/two.bin")) {
            w.write(ByteBuffer.wrap(new byte[10]));
        }
        assertThat(storage.exists("ab/two.bin")).isFalse();
        try (var incoming = Files.list(dir.resolve(".incoming"))) {
            assertThat(incoming).isEmpty();
        }
    }

    @Test
    void keysCannotEscapeTheRootOrOverwrite() throws Exception {
        FilesystemBlobStorage storage = new FilesystemBlobStorage(dir);
        assertThatIllegalArgumentException().isThrownBy(() -> storage.create("../etc/passwd"));
        assertThatIllegalArgumentException().isThrownBy(() -> storage.exists("a//b"));
        assertThatIllegalArgumentException().isThrownBy(() -> storage.exists("/abs"));
        try (BlobWriter w = storage.create("x")) {
            w.commit();
        }
        try (BlobWriter w = storage.create("x")) {
            assertThatThrownBy(w::commit).isInstanceOf(FileAlreadyExistsException.class);
        }
        assertThatThrownBy(() -> storage.size("missing")).isInstanceOf(NoSuchFileException.class);
    }
}
