package org.everseed.bittorrent.mse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Rc4Test {
    /** RC4 as published (key scheduling, then the output generator), to check the JDK cipher and the discard. */
    private static byte[] referenceKeystream(byte[] key, int length) {
        int[] s = new int[256];
        for (int i = 0; i < 256; i++) {
            s[i] = i;
        }
        for (int i = 0, j = 0; i < 256; i++) {
            j = (j + s[i] + (key[i % key.length] & 0xff)) & 0xff;
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        byte[] out = new byte[length];
        for (int n = 0, i = 0, j = 0; n < length; n++) {
            i = (i + 1) & 0xff;
            j = (j + s[i]) & 0xff;
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
            out[n] = (byte) s[(s[i] + s[j]) & 0xff];
        }
        return out;
    }

    @Test
    void referenceMatchesThePublishedVector() {
        byte[] keystream = referenceKeystream("Key".getBytes(StandardCharsets.US_ASCII), 9);
        byte[] plain = "Plaintext".getBytes(StandardCharsets.US_ASCII);
        byte[] cipher = new byte[9];
        for (int i = 0; i < 9; i++) {
            cipher[i] = (byte) (plain[i] ^ keystream[i]);
        }
        assertThat(java.util.HexFormat.of().formatHex(cipher)).isEqualTo("bbf316e8d940af0ad3");
    }

    @Test
    void discardsTheFirst1024KeystreamBytes() {
        byte[] key = MseHashes.keyA(new byte[96], new byte[20]);
        byte[] expected = referenceKeystream(key, Rc4.DISCARD + 4096);
        byte[] zeros = new byte[4096];
        new Rc4(key).apply(zeros, 0, zeros.length);                 // enciphering zeros yields the keystream
        assertThat(zeros).isEqualTo(java.util.Arrays.copyOfRange(expected, Rc4.DISCARD, Rc4.DISCARD + 4096));
    }

    @Test
    void buffersArrayAndInPlaceFormsContinueOneStream() {
        byte[] key = MseHashes.keyB(new byte[96], new byte[20]);
        byte[] expected = new Rc4(key).apply(new byte[300]);
        Rc4 rc4 = new Rc4(key);
        byte[] first = rc4.apply(new byte[100]);
        ByteBuffer out = ByteBuffer.allocateDirect(150);
        rc4.apply(ByteBuffer.allocateDirect(150), out);
        byte[] second = new byte[150];
        out.flip().get(second);
        byte[] third = new byte[60];
        rc4.apply(third, 5, 50);
        assertThat(TestInitiator.concat(first, second, java.util.Arrays.copyOfRange(third, 5, 55)))
                .isEqualTo(expected);
        assertThat(third[0]).isZero();
        assertThat(third[55]).isZero();
    }
}
