package org.everseed.bittorrent.peer;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Test vectors written as annotated hex: spaces and {@code |} separate fields and are ignored. */
final class Bytes {
    private Bytes() {
    }

    static byte[] hex(String annotated) {
        return HexFormat.of().parseHex(annotated.replaceAll("[\\s|]", ""));
    }

    static ByteBuffer buffer(String annotated) {
        return ByteBuffer.wrap(hex(annotated));
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
