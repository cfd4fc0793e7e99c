package org.everseed.bittorrent.tracker.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.everseed.bittorrent.tracker.udp.UdpPackets.bytes;

import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.TrackerResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packets whose length contradicts what their action declares. */
class UdpInvalidDeclaredLengthTest {

    @Test
    void aConnectWithTrailingBytesIsRefused() {
        byte[] p = bytes(UdpPackets.CONNECT + "00");
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> UdpRequestDecoder.decode(p, p.length));
        assertThat(e.reason()).isEqualTo("connect request must be 16 bytes, got 17");
        assertThat(e.offset()).isEqualTo(16);
    }

    @ParameterizedTest(name = "{0} extra bytes")
    @ValueSource(ints = {1, 19})
    void scrapeHashesMustBeTwentyBytesEach(int extra) {
        byte[] p = bytes(UdpPackets.SCRAPE + "ab".repeat(extra));
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> UdpRequestDecoder.decode(p, p.length));
        assertThat(e.reason()).startsWith("scrape info_hashes are 20 bytes each");
        assertThat(e.offset()).isEqualTo(p.length - extra);
    }

    @Test
    void scrapesOf74HashesFitAndOf75DoNot() {
        byte[] fits = bytes(UdpPackets.SCRAPE.substring(0, 32) + "11".repeat(20 * 74));
        assertThat(((UdpRequest.Scrape) UdpRequestDecoder.decode(fits, fits.length)).infoHashes()).hasSize(74);
        byte[] p = bytes(UdpPackets.SCRAPE.substring(0, 32) + "11".repeat(20 * 75));
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> UdpRequestDecoder.decode(p, p.length));
        assertThat(e.reason()).isEqualTo("packet longer than 1500 bytes");
        assertThat(e.offset()).isEqualTo(1500);
    }

    @Test
    void packetsLongerThanTheLimitAreRefusedAtTheLimit() {
        byte[] p = bytes(UdpPackets.SCRAPE.substring(0, 32) + "11".repeat(2000));
        TrackerRequestException e = catchThrowableOfType(TrackerRequestException.class,
                () -> UdpRequestDecoder.decode(p, p.length));
        assertThat(e.reason()).isEqualTo("packet longer than 1500 bytes");
        assertThat(e.offset()).isEqualTo(1500);
    }

    @Test
    void responsePeersAndScrapeEntriesMustDivideEvenly() {
        byte[] peers = bytes("00000001" + "00000001" + "00000708" + "00000000" + "00000001" + "0a0000011ae1" + "0a00");
        TrackerResponseException e = catchThrowableOfType(TrackerResponseException.class,
                () -> UdpResponseDecoder.decode(peers, peers.length, false));
        assertThat(e.offset()).isEqualTo(26);
        byte[] scrape = bytes("00000002" + "00000001" + "000000010000000200");
        assertThat(catchThrowableOfType(TrackerResponseException.class,
                () -> UdpResponseDecoder.decode(scrape, scrape.length, false)).offset()).isEqualTo(8);
        byte[] connect = bytes("00000000" + "00000001" + "01020304");
        assertThat(catchThrowableOfType(TrackerResponseException.class,
                () -> UdpResponseDecoder.decode(connect, connect.length, false)).offset()).isEqualTo(12);
    }
}
