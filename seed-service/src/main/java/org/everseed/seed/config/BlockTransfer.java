package org.everseed.seed.config;

/**
 * How a requested block (BEP 3 {@code piece} message) travels from the blob to the peer's socket.
 */
public enum BlockTransfer {
    /**
     * One pooled direct buffer per block: the 13-byte header and the block read into it with one positional
     * read, written as one buffer; a read batch's blocks leave in one gathering write. One copy from the page
     * cache, few system calls.
     */
    POOLED_BUFFER,
    /**
     * The header as a small buffer, then a zero-copy file region ({@code sendfile}): no copy through user
     * space, but two writes per block.
     */
    FILE_REGION
}
