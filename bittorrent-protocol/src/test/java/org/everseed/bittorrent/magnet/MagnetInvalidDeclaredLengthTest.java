package org.everseed.bittorrent.magnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class MagnetInvalidDeclaredLengthTest {

    @Test
    void aUriBeyondTheLimitIsRejectedUnread() {
        String uri = "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn="
                + "a".repeat(MagnetUri.MAX_URI_LENGTH);
        MagnetException e = catchThrowableOfType(MagnetException.class, () -> MagnetUri.parse(uri));
        assertThat(e.index()).isEqualTo(MagnetUri.MAX_URI_LENGTH);
    }

    @Test
    void tooManyTrackersAreRejected() {
        String uri = "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a" + "&tr=x".repeat(MagnetUri.MAX_URLS + 1);
        MagnetException e = catchThrowableOfType(MagnetException.class, () -> MagnetUri.parse(uri));
        assertThat(e.reason()).contains("more than " + MagnetUri.MAX_URLS);
        assertThat(e.index()).isEqualTo(uri.length() - 4);
    }
}
