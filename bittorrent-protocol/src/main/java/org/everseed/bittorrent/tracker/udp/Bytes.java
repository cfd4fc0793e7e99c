package org.everseed.bittorrent.tracker.udp;

/** Big-endian integers in byte arrays (BEP 15 uses network byte order throughout). */
final class Bytes {
    private Bytes() {
    }

    static int int16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    static long int64(byte[] b, int at) {
        return (long) int32(b, at) << 32 | int32(b, at + 4) & 0xffffffffL;
    }

    static void putInt16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    static void putInt32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void putInt64(byte[] b, int at, long v) {
        putInt32(b, at, (int) (v >>> 32));
        putInt32(b, at + 4, (int) v);
    }
}
