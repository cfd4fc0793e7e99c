package org.everseed.bittorrent.magnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class MagnetInsufficientDataTest {

    @Test
    void aShortHashIsRejected() {
        MagnetException e = catchThrowableOfType(MagnetException.class,
                () -> MagnetUri.parse("magnet:?xt=urn:btih:c12fe1c0"));
        assertThat(e.reason()).contains("40 hex or 32 base32");
        assertThat(e.index()).isEqualTo(20);
    }

    @Test
    void aCutPercentEscapeIsRejected() {
        String uri = "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=a%4";
        MagnetException e = catchThrowableOfType(MagnetException.class, () -> MagnetUri.parse(uri));
        assertThat(e.reason()).contains("incomplete percent escape");
        assertThat(e.index()).isEqualTo(uri.length() - 2);
    }

    @Test
    void aPrefixAloneHasNoHash() {
        MagnetException e = catchThrowableOfType(MagnetException.class, () -> MagnetUri.parse("magnet:?"));
        assertThat(e.index()).isEqualTo(8);
    }
}
