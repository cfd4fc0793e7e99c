package org.everseed.bittorrent.tracker.udp;

import java.util.HexFormat;

/** Test vectors: BEP 15 packets written out field by field, in hex. */
final class UdpPackets {
    static final String INFO_HASH = "d8e8fca2dc0f896fd7cb4cb0031ba249d8e8fca2";
    static final String PEER_ID = "2d5452323934302d6b38686a3077676a36636868"; // -TR2940-k8hj0wgj6chh
    /** A connect request, transaction id 0x01020304. */
    static final String CONNECT = "0000041727101980" + "00000000" + "01020304";
    /** An announce: connection id 0x1122334455667788, transaction 0x0a0b0c0d, left 1000, started, port 6881. */
    static final String ANNOUNCE = "1122334455667788" // connection_id
            + "00000001"                                 // action: announce
            + "0a0b0c0d"                                 // transaction_id
            + INFO_HASH                                  // info_hash
            + PEER_ID                                    // peer_id
            + "0000000000000200"                         // downloaded 512
            + "00000000000003e8"                         // left 1000
            + "0000000000000100"                         // uploaded 256
            + "00000002"                                 // event: started
            + "00000000"                                 // IP address: default
            + "cafebabe"                                 // key
            + "ffffffff"                                 // num_want: -1, the tracker's default
            + "1ae1";                                    // port 6881
    /** A scrape of two swarms. */
    static final String SCRAPE = "1122334455667788" + "00000002" + "0a0b0c0d" + INFO_HASH + "00".repeat(20);

    private UdpPackets() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** {@code hex} with the 4 bytes at byte {@code offset} replaced by {@code int32Hex}. */
    static byte[] patched(String hex, int offset, String replacement) {
        return bytes(hex.substring(0, offset * 2) + replacement + hex.substring(offset * 2 + replacement.length()));
    }
}
