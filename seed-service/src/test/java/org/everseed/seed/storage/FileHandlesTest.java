package org.everseed.seed.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.everseed.storage.FilesystemBlobStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHandlesTest {
    @TempDir
    Path root;

    @Test
    void unleasedFilesBeyondTheCapacityAreClosedLeastRecentlyUsedFirst() throws Exception {
        for (String name : new String[] {"a", "b", "c"}) {
            Files.writeString(root.resolve(name), name);
        }
        try (FileHandles files = new FileHandles(new FilesystemBlobStorage(root), 2)) {
            FileHandles.Lease a = files.acquire("a");
            FileChannel aChannel = a.channel();
            a.close();
            FileHandles.Lease b = files.acquire("b");
            FileHandles.Lease b2 = files.acquire("b");
            assertThat(b2.channel()).as("one channel per blob").isSameAs(b.channel());
            assertThat(files.openFiles()).isEqualTo(2);
            FileHandles.Lease c = files.acquire("c");
            assertThat(files.openFiles()).isEqualTo(2);
            assertThat(aChannel.isOpen()).as("the unleased LRU file is closed").isFalse();
            assertThat(b.channel().isOpen()).isTrue();
            b.close();
            b.close();                                            // idempotent: b2 still holds it
            FileHandles.Lease a2 = files.acquire("a");
            assertThat(b2.channel().isOpen()).as("leased files stay open beyond the capacity").isTrue();
            assertThat(files.openFiles()).isEqualTo(3);
            assertThat(a2.channel().read(java.nio.ByteBuffer.allocate(1), 0)).isEqualTo(1);
            b2.close();
            assertThat(files.openFiles()).isEqualTo(2);
            c.close();
            a2.close();
        }
    }

    @Test
    void aMissingBlobIsReportedAndNothingStaysOpen() throws Exception {
        try (FileHandles files = new FileHandles(new FilesystemBlobStorage(root), 2)) {
            assertThatThrownBy(() -> files.acquire("missing")).isInstanceOf(NoSuchFileException.class);
            assertThat(files.openFiles()).isZero();
        }
    }
}
