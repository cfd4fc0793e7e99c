package org.everseed.bittorrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.everseed.bittorrent.bencode.BencodeException;
import org.junit.jupiter.api.Test;

class MetainfoInvalidDeclaredLengthTest {

    @Test
    void aGigabyteStringHeaderIsRejectedBeforeAnyAllocation() {
        String torrent = "d4:infod6:lengthi5e4:name1:a12:piece lengthi4e6:pieces1000000000:xxxxee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.getCause()).isInstanceOf(BencodeException.class);
        assertThat(e.reason()).contains("runs past the end");
        assertThat(e.offset()).hasValue(torrent.indexOf("1000000000:"));
    }

    @Test
    void aFileLengthThatLiesAboutThePiecesIsRejected() {
        // Declares 1 GiB of content with one piece hash of 4-byte pieces.
        String torrent = "d4:infod6:lengthi1073741824e4:name1:a12:piece lengthi4e6:pieces20:" + "x".repeat(20) + "ee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.reason()).contains("need 268435456");
        assertThat(e.offset()).hasValue(torrent.indexOf("20:"));
    }

    @Test
    void lengthsThatOverflowTogetherAreRejected() {
        String torrent = "d4:infod5:filesld6:lengthi9223372036854775807e4:pathl1:aee"
                + "d6:lengthi1e4:pathl1:beee4:name1:d12:piece lengthi4e6:pieces0:ee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.reason()).contains("overflows");
        assertThat(e.offset()).hasValue(torrent.indexOf("ld6"));
    }

    @Test
    void aPieceLengthBeyondTheLimitIsRejected() {
        String torrent = "d4:infod6:lengthi5e4:name1:a12:piece lengthi536870912e6:pieces20:" + "x".repeat(20) + "ee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.reason()).contains("'piece length' must be between 1 and " + MetainfoLimits.MAX_PIECE_LENGTH);
        assertThat(e.offset()).hasValue(torrent.indexOf("i536870912e"));
    }

    @Test
    void aTorrentLargerThanTheLimitIsRejectedUnread() {
        byte[] big = new byte[MetainfoLimits.MAX_METAINFO_BYTES + 1];
        MetainfoException e = catchThrowableOfType(MetainfoException.class, () -> MetainfoParser.parse(big));
        assertThat(e.reason()).contains("larger than the limit");
        assertThat(e.offset()).hasValue(MetainfoLimits.MAX_METAINFO_BYTES);
    }
}
