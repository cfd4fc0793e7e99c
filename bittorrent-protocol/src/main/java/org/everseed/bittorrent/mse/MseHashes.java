package org.everseed.bittorrent.mse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-1 hashes of the MSE handshake: HASH('req1', S) marks where the initiator's encrypted part begins,
 * HASH('req2', SKEY) xor HASH('req3', S) names the torrent (SKEY is the 20-byte info_hash the initiator would put in
 * a plain handshake) without sending it, and HASH('keyA', S, SKEY) and HASH('keyB', S, SKEY) key the RC4 streams from
 * the initiator (A) and from the receiver (B). Every hash is 20 bytes.
 */
public final class MseHashes {
    /** Length of every hash, in bytes. */
    public static final int LENGTH = 20;

    private MseHashes() {
    }

    /** HASH('req1', S). */
    public static byte[] req1(byte[] secret) {
        return sha1("req1", secret, null);
    }

    /** HASH('req2', SKEY): what a receiver indexes its torrents by. */
    public static byte[] req2(byte[] skey) {
        return sha1("req2", skey, null);
    }

    /** HASH('req3', S). */
    public static byte[] req3(byte[] secret) {
        return sha1("req3", secret, null);
    }

    /** HASH('keyA', S, SKEY): the key of the initiator's stream. */
    public static byte[] keyA(byte[] secret, byte[] skey) {
        return sha1("keyA", secret, skey);
    }

    /** HASH('keyB', S, SKEY): the key of the receiver's stream. */
    public static byte[] keyB(byte[] secret, byte[] skey) {
        return sha1("keyB", secret, skey);
    }

    /** {@code a} xor {@code b}, both 20 bytes. */
    public static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static byte[] sha1(String label, byte[] first, byte[] second) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        sha1.update(label.getBytes(StandardCharsets.US_ASCII));
        sha1.update(first);
        if (second != null) {
            sha1.update(second);
        }
        return sha1.digest();
    }
}
