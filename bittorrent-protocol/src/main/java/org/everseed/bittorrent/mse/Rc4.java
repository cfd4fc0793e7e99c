package org.everseed.bittorrent.mse;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction's RC4 keystream of an MSE connection, with the first 1024 bytes discarded as the specification
 * requires. The cipher is the JDK's ARCFOUR. Not thread-safe: one stream per direction per connection.
 */
public final class Rc4 {
    /** Keystream bytes discarded before the first byte is enciphered. */
    public static final int DISCARD = 1024;
    private final Cipher cipher;

    /**
     * A keystream for {@code key} (20 bytes: HASH('keyA', S, SKEY) or HASH('keyB', S, SKEY)).
     *
     * @throws IllegalStateException if the JDK offers no ARCFOUR cipher
     */
    public Rc4(byte[] key) {
        try {
            cipher = Cipher.getInstance("ARCFOUR");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no ARCFOUR (RC4) cipher in this JDK", e);
        }
        cipher.update(new byte[DISCARD]);
    }

    /** Enciphers (or deciphers: RC4 is its own inverse) {@code length} bytes of {@code bytes} from {@code offset} in place. */
    public void apply(byte[] bytes, int offset, int length) {
        try {
            cipher.update(bytes, offset, length, bytes, offset);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);                      // cannot happen: output length equals input length
        }
    }

    /** A enciphered copy of {@code bytes}. */
    public byte[] apply(byte[] bytes) {
        byte[] out = bytes.clone();
        apply(out, 0, out.length);
        return out;
    }

    /**
     * Enciphers {@code in}'s remaining bytes into {@code out} at its position; both advance by as many bytes.
     *
     * @throws java.nio.BufferOverflowException if {@code out} has less room than {@code in} has bytes
     */
    public void apply(ByteBuffer in, ByteBuffer out) {
        if (out.remaining() < in.remaining()) {
            throw new java.nio.BufferOverflowException();
        }
        try {
            cipher.update(in, out);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
