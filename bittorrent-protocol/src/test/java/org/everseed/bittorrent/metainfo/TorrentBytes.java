package org.everseed.bittorrent.metainfo;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;

/** Builds raw .torrent bytes by hand, so that tests control every byte (and every offset). */
final class TorrentBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static TorrentBytes of(String ascii) {
        return new TorrentBytes().ascii(ascii);
    }

    TorrentBytes ascii(String ascii) {
        out.writeBytes(ascii.getBytes(US_ASCII));
        return this;
    }

    TorrentBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** {@code n} zero bytes as a string: {@code "<n>:" + zeros}. */
    TorrentBytes zeros(int n) {
        return ascii(n + ":").raw(new byte[n]);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A valid single-file info dictionary: 5 bytes, piece length 4 → 2 pieces. */
    static String singleInfo() {
        return "d6:lengthi5e4:name5:a.txt12:piece lengthi4e6:pieces40:" + "x".repeat(40) + "e";
    }
}
