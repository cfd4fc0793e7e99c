package org.everseed.bittorrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** v2 and hybrid info dictionaries (BEP 52) that break a rule are rejected at the offending value. */
class MetainfoV2InvalidDataTest {
    private static final String ROOT = "32:" + "r".repeat(32);

    /** Each row: the info dictionary, the marker whose index in the torrent is the expected offset, a reason. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "d9:file treed1:ad0:d6:lengthi5e11:pieces root" + "32:rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" + "eee12:meta versioni3e4:name1:a12:piece lengthi16384ee | i3e | unsupported 'meta version' 3",
        "d9:file treed1:ad0:d6:lengthi5e11:pieces root" + "32:rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" + "eee4:name1:a12:piece lengthi16384ee | d1:a | 'file tree' without 'meta version'",
        "d9:file treed1:ad0:d6:lengthi5e11:pieces root31:rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrreee12:meta versioni2e4:name1:a12:piece lengthi16384ee | 31: | 'pieces root' must be 32 bytes",
        "d9:file treed1:ad0:d6:lengthi5eeee12:meta versioni2e4:name1:a12:piece lengthi16384ee | d6:length | missing 'pieces root'",
        "d9:file treed1:ad0:d6:lengthi-1eeee12:meta versioni2e4:name1:a12:piece lengthi16384ee | i-1e | 'length' must not be negative",
        "d9:file treed1:ad0:d6:lengthi5e11:pieces root" + "32:rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" + "eee12:meta versioni2e4:name1:a12:piece lengthi16385ee | i16385e | power of two",
        "d9:file treed1:ad0:d6:lengthi5e11:pieces root" + "32:rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" + "e1:xi1eee12:meta versioni2e4:name1:a12:piece lengthi16384ee | d1:a | must hold only the empty key",
        "d9:file treed2:..d0:d6:lengthi0eeee12:meta versioni2e4:name1:a12:piece lengthi16384ee | d2:.. | not allowed",
        "d9:file treede12:meta versioni2e4:name1:a12:piece lengthi16384ee | de12 | must not be empty",
        "d9:file treed1:bd0:d6:lengthi5e11:pieces root" + "32:rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" + "eee12:meta versioni2e4:name1:a12:piece lengthi16384ee | d1:b | named like the torrent",
        // hybrid: the v1 and v2 descriptions disagree
        "d9:file treed1:ad0:d6:lengthi6e11:pieces root" + "32:rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" + "eee6:lengthi5e12:meta versioni2e4:name1:a12:piece lengthi16384e6:pieces20:xxxxxxxxxxxxxxxxxxxxe | d1:a | differs from file tree entry",
        "d9:file treed1:ad0:d6:lengthi5e11:pieces root" + "32:rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" + "ee1:bd0:d6:lengthi5e11:pieces root" + "32:rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr" + "eee5:filesld6:lengthi5e4:pathl1:aeed6:lengthi5e4:pathl1:beee12:meta versioni2e4:name1:d12:piece lengthi16384e6:pieces20:xxxxxxxxxxxxxxxxxxxxe | d1:a | not on a piece boundary",
    })
    void aBadV2FieldIsRejectedAtItsValue(String info, String marker, String reason) {
        String torrent = "d4:info" + info + "e";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.reason()).contains(reason);
        assertThat(e.offset()).hasValue(torrent.indexOf(marker, 7));
    }

    @Test
    void aPieceLayerThatDoesNotHashToItsRootIsRejectedAtThePieceLayers() {
        // 32768 bytes in pieces of 16384: two pieces, so a layer of 64 bytes is required; this one is made up.
        String info = "d9:file treed1:ad0:d6:lengthi32768e11:pieces root" + ROOT
                + "eee12:meta versioni2e4:name1:a12:piece lengthi16384ee";
        String torrent = "d4:info" + info + "12:piece layersd" + ROOT + "64:" + "L".repeat(64) + "ee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.reason()).contains("does not hash to its pieces root");
        assertThat(e.offset()).hasValue(torrent.indexOf("d32:"));
    }

    @Test
    void aMissingPieceLayerIsRejected() {
        String torrent = "d4:infod9:file treed1:ad0:d6:lengthi32768e11:pieces root" + ROOT
                + "eee12:meta versioni2e4:name1:a12:piece lengthi16384eee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.reason()).contains("lacks the layer of a");
        assertThat(e.offset()).hasValue(0L);
    }

    @Test
    void pieceLayersInAV1TorrentAreRejected() {
        String torrent = "d4:info" + TorrentBytes.singleInfo() + "12:piece layersdee";
        MetainfoException e = catchThrowableOfType(MetainfoException.class,
                () -> MetainfoParser.parse(TorrentBytes.of(torrent).bytes()));
        assertThat(e.reason()).contains("'piece layers' in a v1 torrent");
        assertThat(e.offset()).hasValue(torrent.indexOf("dee"));
    }
}
