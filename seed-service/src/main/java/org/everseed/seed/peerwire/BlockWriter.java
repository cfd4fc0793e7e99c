package org.everseed.seed.peerwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import org.everseed.bittorrent.peer.PeerMessageEncoder;
import org.everseed.seed.config.BlockTransfer;

/**
 * Writes one {@code piece} message (BEP 3: 13-byte header, then the block) for a block of a blob, without
 * flushing, in the configured {@link BlockTransfer} way. Stateless; runs on the connection's event loop. Both
 * ways do blocking file I/O of one block (16 KiB) on the event loop, normally from the page cache.
 */
final class BlockWriter {
    private final BlockTransfer transfer;

    BlockWriter(BlockTransfer transfer) {
        this.transfer = transfer;
    }

    /**
     * Queues the message for the block {@code [position, position + length)} of {@code file} as piece
     * {@code index}, offset {@code begin}; its first {@code inFile} bytes come from the file, the rest are zeros (the
     * padding of a v2 torrent's last piece).
     *
     * @throws IOException if the file cannot be read or ends before its part of the block does (it shrank)
     */
    void write(ChannelHandlerContext ctx, FileChannel file, int index, int begin, long position, int length, int inFile)
            throws IOException {
        if (transfer == BlockTransfer.FILE_REGION) {
            ByteBuf header = ctx.alloc().directBuffer(PeerMessageEncoder.PIECE_HEADER_LENGTH);
            PeerMessageEncoder.writePieceHeader(index, begin, length,
                    header.nioBuffer(0, PeerMessageEncoder.PIECE_HEADER_LENGTH));
            header.writerIndex(PeerMessageEncoder.PIECE_HEADER_LENGTH);
            ctx.write(header, ctx.voidPromise());
            if (inFile > 0) {
                ctx.write(new SharedFileRegion(file, position, inFile), ctx.voidPromise());
            }
            if (inFile < length) {
                ctx.write(ctx.alloc().directBuffer(length - inFile).writeZero(length - inFile), ctx.voidPromise());
            }
            return;
        }
        ByteBuf message = ctx.alloc().directBuffer(PeerMessageEncoder.PIECE_HEADER_LENGTH + length);
        try {
            PeerMessageEncoder.writePieceHeader(index, begin, length,
                    message.nioBuffer(0, PeerMessageEncoder.PIECE_HEADER_LENGTH));
            message.writerIndex(PeerMessageEncoder.PIECE_HEADER_LENGTH);
            int read = 0;
            while (read < inFile) {
                int n = message.writeBytes(file, position + read, inFile - read);
                if (n < 0) {
                    throw new EOFException("the blob ends before byte " + (position + inFile));
                }
                read += n;
            }
            message.writeZero(length - inFile);
        } catch (IOException | RuntimeException e) {
            message.release();
            throw e;
        }
        ctx.write(message, ctx.voidPromise());
    }
}
