package org.everseed.bittorrent.magnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;
import org.junit.jupiter.api.Test;

class MagnetCorrectDataTest {
    private static final InfoHash HASH = InfoHash.fromHex("c12fe1c06bba254a9dc9f519b335aa7c1367a88a");

    @Test
    void buildsAnEscapedUriAndParsesItBack() {
        MagnetUri m = MagnetUri.of(HASH, "my file ä&.bin", List.of("http://h:8080/announce?x=1"),
                List.of("http://h/files/1/my file.bin"));

        String uri = m.toString();

        assertThat(uri).isEqualTo("magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a"
                + "&dn=my%20file%20%C3%A4%26.bin"
                + "&tr=http%3A%2F%2Fh%3A8080%2Fannounce%3Fx%3D1"
                + "&ws=http%3A%2F%2Fh%2Ffiles%2F1%2Fmy%20file.bin");
        assertThat(MagnetUri.parse(uri)).isEqualTo(m);
    }

    @Test
    void parsesBase32UpperCaseHexUnknownParametersAndPlusAsPlus() {
        // BEP 9 allows the 32-character base32 form; "YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK" is the hash above.
        MagnetUri m = MagnetUri.parse("MAGNET:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK&x.pe=1.2.3.4:5&dn=a+b");
        assertThat(m.infoHash()).isEqualTo(HASH);
        assertThat(m.displayName()).contains("a+b");
        assertThat(MagnetUri.parse("magnet:?xt=urn:btih:C12FE1C06BBA254A9DC9F519B335AA7C1367A88A").infoHash())
                .isEqualTo(HASH);
    }

    @Test
    void aV2OrHybridMagnetCarriesTheMultihash() {
        InfoHashV2 v2 = InfoHashV2.fromHex("caf1e1c30e81cb361b9ee167c4aa64228a7fa4fa9f6105232b28ad099f3a302e");
        MagnetUri hybrid = new MagnetUri(Optional.of(HASH), Optional.of(v2), Optional.empty(), List.of(), List.of());
        assertThat(hybrid.toString()).isEqualTo("magnet:?xt=urn:btih:" + HASH.hex() + "&xt=urn:btmh:1220" + v2.hex());
        assertThat(MagnetUri.parse(hybrid.toString())).isEqualTo(hybrid);

        MagnetUri v2only = MagnetUri.parse("magnet:?xt=urn:btmh:1220" + v2.hex());
        assertThat(v2only.infoHash()).isEqualTo(v2.truncated());
    }
}
