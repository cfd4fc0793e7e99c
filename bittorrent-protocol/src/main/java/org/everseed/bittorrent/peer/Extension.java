package org.everseed.bittorrent.peer;

/**
 * The extensions a peer announces with a bit among the 8 reserved handshake bytes. Bytes are
 * numbered 0..7 in wire order; each bit is named by its byte and mask.
 */
public enum Extension {
    /** BEP 5: the peer runs a DHT node and sends {@code port} messages. Byte 7, mask 0x01. */
    DHT(7, 0x01),
    /** BEP 6: fast extension (have all/none, reject request, allowed fast). Byte 7, mask 0x04. */
    FAST(7, 0x04),
    /** BEP 52: the peer can upgrade to the v2 swarm of a hybrid torrent. Byte 7, mask 0x10. */
    V2_UPGRADE(7, 0x10),
    /** BEP 10: extension protocol (extended handshake, ut_metadata and others). Byte 5, mask 0x10. */
    EXTENSION_PROTOCOL(5, 0x10);

    private final int byteIndex;
    private final int mask;

    Extension(int byteIndex, int mask) {
        this.byteIndex = byteIndex;
        this.mask = mask;
    }

    /** Index (0..7) of the reserved byte that holds the bit. */
    public int byteIndex() {
        return byteIndex;
    }

    /** Mask of the bit within that byte. */
    public int mask() {
        return mask;
    }
}
