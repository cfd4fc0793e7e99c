package org.everseed.bittorrent.mse;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * One side's Diffie-Hellman key pair of the MSE handshake: prime P of 768 bits, generator 2, a random 160-bit
 * private key (the specification asks for at least 128 bits and calls more than 180 useless). Public keys and the
 * shared secret S are 96 bytes, big-endian, zero-padded on the left.
 */
public final class DiffieHellman {
    /** Length in bytes of a public key and of the shared secret. */
    public static final int KEY_LENGTH = 96;
    /** The MSE prime (768 bits). */
    public static final BigInteger P = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A"
                    + "431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A63A36210000000000090563", 16);
    private static final BigInteger G = BigInteger.TWO;
    private static final int PRIVATE_KEY_BITS = 160;

    private final BigInteger privateKey;
    private final byte[] publicKey;

    /** A fresh key pair from {@code random}. */
    public DiffieHellman(SecureRandom random) {
        BigInteger x;
        do {
            x = new BigInteger(PRIVATE_KEY_BITS, random);
        } while (x.signum() == 0);
        this.privateKey = x;
        this.publicKey = bytes(G.modPow(x, P));
    }

    /** Our public key, G^X mod P: 96 bytes. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The shared secret S = Y^X mod P from the other side's public key Y.
     *
     * @param otherPublicKey 96 bytes
     * @throws IllegalArgumentException if it is not 96 bytes, or not in [2, P-2] (a key that forces a known secret)
     */
    public byte[] sharedSecret(byte[] otherPublicKey) {
        if (otherPublicKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a public key is 96 bytes, got " + otherPublicKey.length);
        }
        BigInteger y = new BigInteger(1, otherPublicKey);
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(P.subtract(BigInteger.ONE)) >= 0) {
            throw new IllegalArgumentException("public key out of range");
        }
        return bytes(y.modPow(privateKey, P));
    }

    private static byte[] bytes(BigInteger value) {
        byte[] raw = value.toByteArray();                      // may carry a leading sign byte, or be shorter
        byte[] out = new byte[KEY_LENGTH];
        int n = Math.min(raw.length, KEY_LENGTH);
        System.arraycopy(raw, raw.length - n, out, KEY_LENGTH - n, n);
        return out;
    }
}
