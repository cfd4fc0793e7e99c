package org.everseed.seed.peerwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.everseed.bittorrent.peer.PeerMessageEncoder;
import org.everseed.seed.config.BlockTransfer;
import org.everseed.seed.storage.OpenContent;
import org.everseed.seed.storage.StorageLayout;

/**
 * Writes one {@code piece} message (BEP 3: 13-byte header, then the block) for a block of a torrent, without
 * flushing, in the configured {@link BlockTransfer} way. The block's bytes come from its content files, possibly
 * several (a v1 piece spans files), and zeros for pad files (BEP 47) and v2 padding (BEP 52). Stateless; runs on the
 * connection's event loop. On an RC4-enciphered connection (MSE) blocks always go as buffers, since a file region
 * cannot be enciphered on its way. Both ways do blocking file I/O of one block (16 KiB) on the event loop, normally from the
 * page cache.
 */
final class BlockWriter {
    private final BlockTransfer transfer;

    BlockWriter(BlockTransfer transfer) {
        this.transfer = transfer;
    }

    /**
     * Queues the message for {@code length} bytes from byte {@code begin} of piece {@code index}.
     *
     * @throws IOException if a file cannot be read or ends before its length (it shrank)
     */
    void write(ChannelHandlerContext ctx, OpenContent content, int index, int begin, int length) throws IOException {
        long position = content.layout().offset(index, begin);
        if (transfer == BlockTransfer.FILE_REGION && !MseHandler.enciphers(ctx.channel())) {
            writeRegions(ctx, content, index, begin, position, length);
            return;
        }
        ByteBuf message = ctx.alloc().directBuffer(PeerMessageEncoder.PIECE_HEADER_LENGTH + length);
        try {
            PeerMessageEncoder.writePieceHeader(index, begin, length,
                    message.nioBuffer(0, PeerMessageEncoder.PIECE_HEADER_LENGTH));
            ByteBuffer block = message.nioBuffer(PeerMessageEncoder.PIECE_HEADER_LENGTH, length);
            while (block.hasRemaining()) {
                if (content.read(block, position + block.position()) < 0) {
                    message.setZero(PeerMessageEncoder.PIECE_HEADER_LENGTH + block.position(), block.remaining());
                    break; // beyond the last file: the padding of a v2 torrent's last piece
                }
            }
            message.writerIndex(PeerMessageEncoder.PIECE_HEADER_LENGTH + length);
        } catch (IOException | RuntimeException e) {
            message.release();
            throw e;
        }
        ctx.write(message, ctx.voidPromise());
    }

    private static void writeRegions(ChannelHandlerContext ctx, OpenContent content, int index, int begin,
            long position, int length) throws IOException {
        ByteBuf header = ctx.alloc().directBuffer(PeerMessageEncoder.PIECE_HEADER_LENGTH);
        PeerMessageEncoder.writePieceHeader(index, begin, length, header.nioBuffer(0, PeerMessageEncoder.PIECE_HEADER_LENGTH));
        header.writerIndex(PeerMessageEncoder.PIECE_HEADER_LENGTH);
        ctx.write(header, ctx.voidPromise());
        StorageLayout layout = content.layout();
        long end = position + length;
        for (long pos = position; pos < end; ) {
            int span = layout.spanAt(pos);
            long runEnd;
            int file;
            if (span < 0) {
                int next = -span - 1;
                runEnd = next < layout.spanCount() ? Math.min(end, layout.spanStart(next)) : end;
                file = StorageLayout.ZEROS;
            } else {
                runEnd = Math.min(end, layout.spanEnd(span));
                file = layout.spanFile(span);
            }
            int n = (int) (runEnd - pos);
            if (file == StorageLayout.ZEROS) {
                ctx.write(ctx.alloc().directBuffer(n).writeZero(n), ctx.voidPromise());
            } else {
                ctx.write(new SharedFileRegion(content.channel(file), pos - layout.spanStart(span), n), ctx.voidPromise());
            }
            pos = runEnd;
        }
    }
}
