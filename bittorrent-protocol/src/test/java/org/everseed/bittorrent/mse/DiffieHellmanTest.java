package org.everseed.bittorrent.mse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class DiffieHellmanTest {
    @Test
    void bothSidesDeriveTheSameSecret() {
        DiffieHellman a = new DiffieHellman(new SecureRandom());
        DiffieHellman b = new DiffieHellman(new SecureRandom());
        assertThat(a.publicKey()).hasSize(96);
        assertThat(a.sharedSecret(b.publicKey())).hasSize(96).isEqualTo(b.sharedSecret(a.publicKey()));
    }

    @Test
    void thePrimeIsTheSpecifications() {
        assertThat(DiffieHellman.P.bitLength()).isEqualTo(768);
        assertThat(DiffieHellman.P.isProbablePrime(50)).isTrue();
        assertThat(DiffieHellman.P.toString(16)).endsWith("a63a36210000000000090563");
    }

    @Test
    void rejectsKeysOutOfRangeOrOfTheWrongLength() {
        DiffieHellman a = new DiffieHellman(new SecureRandom());
        assertThatThrownBy(() -> a.sharedSecret(new byte[96])).isInstanceOf(IllegalArgumentException.class);
        byte[] pMinusOne = fixed(DiffieHellman.P.subtract(BigInteger.ONE));
        assertThatThrownBy(() -> a.sharedSecret(pMinusOne)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.sharedSecret(new byte[95])).isInstanceOf(IllegalArgumentException.class);
        assertThat(a.sharedSecret(fixed(BigInteger.TWO))).hasSize(96);
    }

    @Test
    void padsShortValuesOnTheLeft() {
        DiffieHellman a = new DiffieHellman(new SecureRandom());
        byte[] secret = a.sharedSecret(fixed(BigInteger.TWO));
        assertThat(new BigInteger(1, secret)).isEqualTo(new BigInteger(1, a.publicKey()));  // 2^x mod P both times
    }

    private static byte[] fixed(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[96];
        int n = Math.min(raw.length, 96);
        System.arraycopy(raw, raw.length - n, out, 96 - n, n);
        return out;
    }
}
