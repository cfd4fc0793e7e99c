package org.everseed.bittorrent.mse;

/**
 * The payload methods of MSE, as bits of the 4-byte {@code crypto_provide} and {@code crypto_select} fields:
 * after the handshake the payload flows in plaintext or RC4-enciphered.
 */
public enum CryptoMethod {
    /** 0x01: the payload is not enciphered (only the handshake was). */
    PLAINTEXT(0x01),
    /** 0x02: the payload stays RC4-enciphered. */
    RC4(0x02);

    private final int bit;

    CryptoMethod(int bit) {
        this.bit = bit;
    }

    /** The method's bit in {@code crypto_provide} and {@code crypto_select}. */
    public int bit() {
        return bit;
    }
}
