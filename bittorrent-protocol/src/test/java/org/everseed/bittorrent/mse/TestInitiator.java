package org.everseed.bittorrent.mse;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * The initiating side (A) of an MSE handshake, written out step by step in the test so the responder is checked
 * against the specification's byte layout rather than against itself.
 */
final class TestInitiator {
    private final DiffieHellman keys = new DiffieHellman(new SecureRandom());
    private final byte[] skey;
    private byte[] secret;
    Rc4 outgoing;
    Rc4 incoming;

    TestInitiator(byte[] skey) {
        this.skey = skey;
    }

    /** Step 1: Ya, PadA. */
    byte[] hello(int padA) {
        return concat(keys.publicKey(), new byte[padA]);
    }

    /** Reads Yb from B's first answer (PadB after it is ignored). */
    void readYb(byte[] answer) {
        byte[] yb = java.util.Arrays.copyOf(answer, DiffieHellman.KEY_LENGTH);
        secret = keys.sharedSecret(yb);
        outgoing = new Rc4(MseHashes.keyA(secret, skey));
        incoming = new Rc4(MseHashes.keyB(secret, skey));
    }

    /** Step 3 with the given fields; {@code vc} is normally 8 zero bytes. */
    byte[] request(byte[] vc, int provide, int padC, byte[] initialPayload) {
        ByteBuffer plain = ByteBuffer.allocate(8 + 4 + 2 + padC + 2 + initialPayload.length);
        plain.put(vc).putInt(provide).putShort((short) padC).put(new byte[padC])
                .putShort((short) initialPayload.length).put(initialPayload);
        return concat(MseHashes.req1(secret), MseHashes.xor(MseHashes.req2(skey), MseHashes.req3(secret)),
                outgoing.apply(plain.array()));
    }

    /** Deciphers B's step 4 (VC, crypto_select, len(PadD) = 0) and returns crypto_select. */
    int readSelect(byte[] answer) {
        ByteBuffer plain = ByteBuffer.wrap(incoming.apply(answer));
        for (int i = 0; i < 8; i++) {
            if (plain.get(i) != 0) {
                throw new AssertionError("VC is not zero");
            }
        }
        if (plain.getShort(12) != 0 || answer.length != 14) {
            throw new AssertionError("unexpected PadD");
        }
        return plain.getInt(8);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}
