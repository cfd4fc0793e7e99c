package org.everseed.bittorrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.everseed.bittorrent.bencode.BencodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetainfoInvalidDataTest {
    private static final String PIECES2 = "6:pieces40:" + "x".repeat(40);

    /** Each row: the info dictionary, the marker whose index in the whole torrent is the expected offset, a reason. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // name
        "d6:lengthi5e4:name2:..12:piece lengthi4e" + "6:pieces40:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxe | 2:.. | not allowed",
        "d6:lengthi5e4:name3:a/b12:piece lengthi4e6:pieces40:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxe | 3:a/b | separator",
        "d6:lengthi5e4:name0:12:piece lengthi4e6:pieces40:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxe | 0: | empty path component",
        "d6:lengthi5e4:namei1e12:piece lengthi4e6:pieces40:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxe | i1e | must be a byte string",
        // piece length and pieces
        "d6:lengthi5e4:name1:a12:piece lengthi0e6:pieces40:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxe | i0e | 'piece length' must be between",
        "d6:lengthi5e4:name1:a12:piece lengthi-4e6:pieces40:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxe | i-4e | 'piece length' must be between",
        "d6:lengthi5e4:name1:a12:piece lengthi4e6:pieces39:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxe | 39: | not a multiple of 20",
        // length and files
        "d6:lengthi-5e4:name1:a12:piece lengthi4e6:pieces0:e | i-5e | must not be negative",
        "d4:name1:a12:piece lengthi4e6:pieces0:e | d4:name | exactly one of",
        "d5:filesld6:lengthi1e4:pathl1:aeee6:lengthi1e4:name1:d12:piece lengthi4e6:pieces20:xxxxxxxxxxxxxxxxxxxxe | i1e4:name | exactly one of",
        "d5:filesle4:name1:d12:piece lengthi4e6:pieces0:e | le4 | must not be empty",
        "d5:filesli1ee4:name1:d12:piece lengthi4e6:pieces0:e | li1e | must be a dictionary",
        "d5:filesld6:lengthi1e4:pathl2:..eee4:name1:d12:piece lengthi4e6:pieces20:xxxxxxxxxxxxxxxxxxxxe | l2:.. | not allowed",
        "d5:filesld6:lengthi1e4:pathleee4:name1:d12:piece lengthi4e6:pieces20:xxxxxxxxxxxxxxxxxxxxe | lee | 'path' must not be empty",
        "d5:filesld4:pathl1:aeee4:name1:d12:piece lengthi4e6:pieces0:e | l1:a | missing 'length'",
        // BEP 27
        "d6:lengthi5e4:name1:a12:piece lengthi4e6:pieces40:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx7:privatei2ee | i2e | 'private' must be 0 or 1",
    })
    void aBadInfoFieldIsRejectedAtItsValue(String info, String marker, String reason) {
        String torrent = "d4:info" + info + "e";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.reason()).contains(reason);
        assertThat(e.offset()).hasValue(torrent.indexOf(marker, 7));
    }

    @Test
    void nonCanonicalKeyOrderIsRejectedByTheDecoderWithItsOffset() {
        // "name" before "length": not sorted, so not canonical (BEP 3).
        String torrent = "d4:infod4:name1:a6:lengthi5e12:piece lengthi4e" + PIECES2 + "ee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.getCause()).isInstanceOf(BencodeException.class);
        assertThat(e.reason()).contains("out of order");
        assertThat(e.offset()).hasValue(torrent.indexOf("6:length"));
    }

    @Test
    void trailingBytesAreRejected() {
        String torrent = "d4:info" + TorrentBytes.singleInfo() + "ee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.reason()).contains("trailing bytes");
        assertThat(e.offset()).hasValue(torrent.length() - 1);
    }

    @Test
    void aNameThatIsNotUtf8IsRejected() {
        byte[] torrent = TorrentBytes.of("d4:infod6:lengthi5e4:name1:").raw(new byte[] {(byte) 0xff})
                .ascii("12:piece lengthi4e" + PIECES2 + "ee").bytes();
        MetainfoException e = catchThrowableOfType(MetainfoException.class, () -> MetainfoParser.parse(torrent));
        assertThat(e.reason()).contains("not valid UTF-8");
        assertThat(e.offset()).hasValue(25);
    }

    @Test
    void theRootMustBeADictionaryAndInfoTooAndUrlListTyped() {
        assertThat(catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of("le").bytes())).offset()).hasValue(0);
        MetainfoException info = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of("d4:infoi1ee").bytes()));
        assertThat(info.offset()).hasValue(7);
        assertThat(info.reason()).contains("'info' must be a dictionary");
        String torrent = "d4:info" + TorrentBytes.singleInfo() + "8:url-listi1ee";
        MetainfoException url = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(url.offset()).hasValue(torrent.lastIndexOf("i1e"));
    }

    @Test
    void limitsOnFilesAndPathDepthAreEnforced() {
        MetainfoLimits tight = new MetainfoLimits(1 << 20, 1, 2, 255, 1 << 20, 4, 4);
        String twoFiles = "d4:infod5:filesld6:lengthi0e4:pathl1:aeed6:lengthi0e4:pathl1:beee"
                + "4:name1:d12:piece lengthi4e6:pieces0:ee";
        MetainfoException files = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(twoFiles).bytes(), tight));
        assertThat(files.reason()).contains("more than 1 files");
        assertThat(files.offset()).hasValue(twoFiles.indexOf("ld6"));

        String deep = "d4:infod5:filesld6:lengthi0e4:pathl1:a1:b1:ceee4:name1:d12:piece lengthi4e6:pieces0:ee";
        MetainfoException depth = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(deep).bytes(), tight));
        assertThat(depth.reason()).contains("deeper than 2");
        assertThat(depth.offset()).hasValue(deep.indexOf("l1:a"));
    }
}
