package org.everseed.seed.peerwire;

import io.netty.channel.DefaultFileRegion;
import java.nio.channels.FileChannel;

/**
 * A zero-copy region of a file channel that several regions share: releasing it does not close the
 * channel (Netty's {@link DefaultFileRegion} would), which the connection's file lease holds open.
 */
final class SharedFileRegion extends DefaultFileRegion {

    SharedFileRegion(FileChannel file, long position, long count) {
        super(file, position, count);
    }

    @Override
    protected void deallocate() {
        // The channel is shared through FileHandles; the connection releases its lease when it closes.
    }
}
