package org.everseed.bittorrent.tracker.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.everseed.bittorrent.tracker.udp.UdpPackets.bytes;

import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.TrackerResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdpInsufficientDataTest {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 8, 15})
    void packetsShorterThanTheHeaderFailAtTheirEnd(int length) {
        byte[] p = bytes(UdpPackets.CONNECT);
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> UdpRequestDecoder.decode(p, length));
        assertThat(e.reason()).isEqualTo("packet shorter than the 16-byte header");
        assertThat(e.offset()).isEqualTo(length);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {16, 36, 97})
    void truncatedAnnouncesFailAtTheirEnd(int length) {
        byte[] p = bytes(UdpPackets.ANNOUNCE);
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> UdpRequestDecoder.decode(p, length));
        assertThat(e.reason()).isEqualTo("announce request must be at least 98 bytes, got " + length);
        assertThat(e.offset()).isEqualTo(length);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 7})
    void responsesShorterThanEightBytesFailAtTheirEnd(int length) {
        byte[] p = UdpResponseEncoder.connect(1, 2);
        TrackerResponseException e = catchThrowableOfType(TrackerResponseException.class,
                () -> UdpResponseDecoder.decode(p, length, false));
        assertThat(e.offset()).isEqualTo(length);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {8, 19})
    void truncatedAnnounceResponsesFailAtTheirEnd(int length) {
        byte[] p = UdpResponseEncoder.announce(1, org.everseed.bittorrent.tracker.AnnounceResponse.of(1, 1, 0, 0,
                java.util.List.of()), false);
        TrackerResponseException e = catchThrowableOfType(TrackerResponseException.class,
                () -> UdpResponseDecoder.decode(p, length, false));
        assertThat(e.reason()).isEqualTo("announce response shorter than 20 bytes");
        assertThat(e.offset()).isEqualTo(length);
    }
}
