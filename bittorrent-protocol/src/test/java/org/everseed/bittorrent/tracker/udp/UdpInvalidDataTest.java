package org.everseed.bittorrent.tracker.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.everseed.bittorrent.tracker.udp.UdpPackets.bytes;
import static org.everseed.bittorrent.tracker.udp.UdpPackets.patched;

import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.TrackerResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UdpInvalidDataTest {

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // field patched        | offset | reason
        "0000000000000000 | 0  | connect without the protocol id",       // connect with another connection id
    })
    void connectWithoutTheProtocolIdIsRefused(String connectionId, int offset, String reason) {
        byte[] p = patched(UdpPackets.CONNECT, 0, connectionId);
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> UdpRequestDecoder.decode(p, p.length));
        assertThat(UdpHeader.read(p, p.length).isConnect()).isFalse();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "8  | 00000007         | unknown action 7",
        "8  | ffffffff         | unknown action -1",
        "56 | 8000000000000000 | downloaded must not be negative",
        "64 | ffffffffffffffff | left must not be negative",
        "72 | 8000000000000001 | uploaded must not be negative",
        "80 | 00000004         | unknown event 4",
        "80 | ffffffff         | unknown event 4294967295",
        "96 | 0000             | port must be 1..65535"
    })
    void malformedAnnounceFieldsAreRefusedAtTheirOffset(int offset, String value, String reason) {
        byte[] p = patched(UdpPackets.ANNOUNCE, offset, value);
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> UdpRequestDecoder.decode(p, p.length));
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @Test
    void aScrapeNamingNothingIsRefused() {
        byte[] p = bytes(UdpPackets.SCRAPE.substring(0, 32));
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> UdpRequestDecoder.decode(p, p.length));
        assertThat(e.reason()).isEqualTo("scrape names no info_hash");
        assertThat(e.offset()).isEqualTo(16);
    }

    @Test
    void responsesWithUnknownActionsOrNegativeCountsAreRefused() {
        byte[] unknown = bytes("00000009" + "00000001");
        assertThat(catchThrowableOfType(TrackerResponseException.class,
                () -> UdpResponseDecoder.decode(unknown, unknown.length, false)).offset()).isZero();
        byte[] negative = bytes("00000002" + "00000001" + "00000001" + "ffffffff" + "00000001");
        TrackerResponseException e = catchThrowableOfType(TrackerResponseException.class,
                () -> UdpResponseDecoder.decode(negative, negative.length, false));
        assertThat(e.reason()).isEqualTo("negative count");
        assertThat(e.offset()).isEqualTo(12);
    }
}
