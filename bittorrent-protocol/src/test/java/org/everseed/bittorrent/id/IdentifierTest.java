package org.everseed.bittorrent.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void infoHashIsTheSha1OfTheBytes() {
        // SHA-1("abc") from FIPS 180-2, appendix A.1.
        assertThat(InfoHash.sha1Of("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    @Test
    void lengthsAreValidated() {
        assertThatIllegalArgumentException().isThrownBy(() -> InfoHash.of(new byte[19])).withMessageContaining("20 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> InfoHashV2.of(new byte[20])).withMessageContaining("32 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> PeerId.of(new byte[21])).withMessageContaining("20 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> InfoHash.fromHex("abc")).withMessageContaining("40 hex");
    }

    @Test
    void hexRoundTripsAndV2Truncates() {
        String hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        InfoHashV2 v2 = InfoHashV2.fromHex(hex);
        assertThat(v2.hex()).isEqualTo(hex);
        assertThat(v2.truncated().hex()).isEqualTo(hex.substring(0, 40));
        assertThat(InfoHash.fromHex(hex.substring(0, 40))).isEqualTo(v2.truncated());
    }

    @Test
    void identifiersOfDifferentKindsNeverEqualEvenWithTheSameBytes() {
        byte[] twenty = new byte[20];
        twenty[0] = 7;
        assertThat(InfoHash.of(twenty)).isEqualTo(InfoHash.of(twenty.clone())).hasSameHashCodeAs(InfoHash.of(twenty));
        assertThat((Object) InfoHash.of(twenty)).isNotEqualTo(PeerId.of(twenty));
        assertThat(InfoHash.of(twenty).toString()).isEqualTo("07" + "00".repeat(19));
        byte[] copy = new byte[22];
        PeerId.of(twenty).copyTo(copy, 2);
        assertThat(copy[2]).isEqualTo((byte) 7);
    }

    @Test
    void generatedPeerIdsCarryThePrefix() {
        PeerId a = PeerId.generate("-ES0010-");
        PeerId b = PeerId.generate("-ES0010-");
        assertThat(new String(a.bytes(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("-ES0010-");
        assertThat(a).isNotEqualTo(b);
    }
}
