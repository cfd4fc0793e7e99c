package org.everseed.bittorrent.id;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A v1 info_hash: the 20-byte SHA-1 of the bencoded info dictionary as found in the metainfo (BEP 3).
 * Also the 20-byte truncation of a v2 info_hash used on the wire for hybrid and v2 swarms (BEP 52).
 * Immutable; lower-case hex in {@link #toString()}.
 */
public final class InfoHash extends FixedBytes implements Comparable<InfoHash> {
    /** Length in bytes. */
    public static final int LENGTH = 20;
    private InfoHash(byte[] bytes) {
        super(bytes);
    }

    /**
     * The info_hash with these 20 bytes (copied).
     *
     * @throws IllegalArgumentException if {@code bytes} is not 20 bytes long
     */
    public static InfoHash of(byte[] bytes) {
        return new InfoHash(checkedCopy(bytes, LENGTH, "info_hash"));
    }

    /**
     * The info_hash from 40 hex digits (either case).
     *
     * @throws IllegalArgumentException if {@code hex} is not 40 hex digits
     */
    public static InfoHash fromHex(String hex) {
        return new InfoHash(parseHex(hex, LENGTH, "info_hash"));
    }

    /** The SHA-1 of {@code infoBytes[from, to)}: the info_hash of those exact bytes (BEP 3). */
    public static InfoHash sha1Of(byte[] infoBytes, int from, int to) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(infoBytes, from, to - from);
            return new InfoHash(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /** The SHA-1 of all of {@code infoBytes}. */
    public static InfoHash sha1Of(byte[] infoBytes) {
        return sha1Of(infoBytes, 0, infoBytes.length);
    }

    @Override
    public int compareTo(InfoHash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public int hashCode() {
        // SHA-1 output is uniformly distributed: its first four bytes make a good hash code.
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | bytes[3] & 0xff;
    }
}
