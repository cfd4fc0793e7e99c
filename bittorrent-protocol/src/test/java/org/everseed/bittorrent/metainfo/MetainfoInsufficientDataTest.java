package org.everseed.bittorrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.everseed.bittorrent.bencode.BencodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetainfoInsufficientDataTest {
    private static final byte[] WHOLE = TorrentBytes.of("d4:info" + TorrentBytes.singleInfo() + "e").bytes();

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {0, 1, 6, 7, 20, 60, 99})
    void everyTruncationIsRejectedWithAnOffsetInsideTheInput(int cut) {
        byte[] truncated = java.util.Arrays.copyOf(WHOLE, Math.min(cut, WHOLE.length - 1));
        MetainfoException e = catchThrowableOfType(MetainfoException.class, () -> MetainfoParser.parse(truncated));
        assertThat(e.getCause()).isInstanceOf(BencodeException.class);
        assertThat(e.offset()).isPresent();
        assertThat(e.offset().getAsLong()).isBetween(0L, (long) truncated.length);
    }

    @Test
    void losingTheFinalByteIsReportedAtTheEnd() {
        byte[] truncated = java.util.Arrays.copyOf(WHOLE, WHOLE.length - 1);
        MetainfoException e = catchThrowableOfType(MetainfoException.class, () -> MetainfoParser.parse(truncated));
        assertThat(e.offset()).hasValue(truncated.length);
        assertThat(e.reason()).contains("unterminated dictionary");
    }

    @Test
    void piecesShortOfTheContentAreRejectedAtThePiecesValue() {
        // 5 bytes in pieces of 4 need 2 hashes; only 1 is there.
        String info = "d6:lengthi5e4:name5:a.txt12:piece lengthi4e6:pieces20:" + "x".repeat(20) + "e";
        String torrent = "d4:info" + info + "e";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.offset()).hasValue(torrent.indexOf("20:"));
        assertThat(e.reason()).contains("holds 1 hashes").contains("need 2");
    }

    @Test
    void aMissingInfoIsRejectedAtTheStart() {
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of("d8:announce1:ae").bytes()));
        assertThat(e.offset()).hasValue(0);
        assertThat(e.reason()).contains("missing 'info'");
    }

    @Test
    void aMissingPieceLengthIsRejectedAtTheInfoDictionary() {
        String torrent = "d4:infod6:lengthi5e4:name1:a6:pieces0:ee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.offset()).hasValue(7);
        assertThat(e.reason()).contains("missing 'piece length'");
    }
}
