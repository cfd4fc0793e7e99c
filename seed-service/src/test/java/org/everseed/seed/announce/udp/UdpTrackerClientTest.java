package org.everseed.seed.announce.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.udp.UdpRequest;
import org.everseed.bittorrent.tracker.udp.UdpResponseEncoder;
import org.everseed.bittorrent.tracker.udp.UdpTrackerProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The UDP tracker client (BEP 15) against a tracker scripted packet by packet on loopback: the announce's fields,
 * retransmission with a doubling time-out after lost packets, answers with a wrong transaction id, from a foreign
 * address or malformed ignored, an error answer as a tracker failure, connection ids re-used within a minute and
 * renewed after, a time-out after the last try, the bound on outstanding requests, an IPv6 tracker.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpTrackerClientTest {
    private static final Duration BASE = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long CONNECTION_ID = 0x1122334455667788L;
    private static final InfoHash INFO_HASH = InfoHash.sha1Of(new byte[] {1, 2, 3});
    private static final PeerId PEER_ID = PeerId.generate("-ES0010-");
    private static final AnnounceRequest REQUEST = new AnnounceRequest(INFO_HASH, PEER_ID, 6881, 1000, 0, 0,
            AnnounceEvent.STARTED, AnnounceRequest.NUMWANT_DEFAULT, true, false, Optional.of("0badcafe"),
            Optional.empty());

    private final AtomicLong clock = new AtomicLong();
    private UdpTrackerClient client;

    private UdpTrackerClient client(int tries, int maxOutstanding) {
        return client(tries, maxOutstanding, 16);
    }

    private UdpTrackerClient client(int tries, int maxOutstanding, int maxQueued) {
        client = new UdpTrackerClient(BASE, tries, maxOutstanding, maxQueued, clock::get);
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.destroy();
        }
    }

    @Test
    void connectsThenAnnouncesOurFieldsAndReturnsTheTrackersAnswer() throws Exception {
        try (ScriptedTracker tracker = new ScriptedTracker("127.0.0.1")) {
            CompletableFuture<AnnounceResponse> answer = client(3, 16).announce(tracker.url(), REQUEST).toFuture();
            ScriptedTracker.Received connect = tracker.receive(WAIT);
            assertThat(connect.request()).isInstanceOf(UdpRequest.Connect.class);
            tracker.send(UdpResponseEncoder.connect(connect.request().transactionId(), CONNECTION_ID), connect.from());

            ScriptedTracker.Received received = tracker.receive(WAIT);
            UdpRequest.Announce announce = (UdpRequest.Announce) received.request();
            assertThat(announce.connectionId()).isEqualTo(CONNECTION_ID);
            assertThat(announce.transactionId()).isNotEqualTo(connect.request().transactionId());
            AnnounceRequest sent = announce.announce();
            assertThat(sent.infoHash()).isEqualTo(INFO_HASH);
            assertThat(sent.peerId()).isEqualTo(PEER_ID);
            assertThat(sent.port()).isEqualTo(6881);
            assertThat(sent.uploaded()).isEqualTo(1000);
            assertThat(sent.left()).isZero();
            assertThat(sent.event()).isEqualTo(AnnounceEvent.STARTED);
            assertThat(sent.key()).contains("0badcafe");
            AnnounceResponse response = AnnounceResponse.of(900, 0, 3, 4,
                    List.of(Peer.of(PeerAddress.of(new byte[] {10, 0, 0, 7}, 51413))));
            tracker.send(UdpResponseEncoder.announce(announce.transactionId(), response, false), received.from());

            AnnounceResponse got = answer.get(5, TimeUnit.SECONDS);
            assertThat(got.interval()).isEqualTo(900);
            assertThat(got.complete()).hasValue(3);
            assertThat(got.incomplete()).hasValue(4);
            assertThat(got.peers()).containsExactly(Peer.of(PeerAddress.of(new byte[] {10, 0, 0, 7}, 51413)));
            assertThat(client.outstanding()).isZero();
        }
    }

    @Test
    void aLostPacketIsSentAgainAfterATimeOutThatDoubles() throws Exception {
        try (ScriptedTracker tracker = new ScriptedTracker("127.0.0.1")) {
            CompletableFuture<AnnounceResponse> answer = client(4, 16).announce(tracker.url(), REQUEST).toFuture();
            ScriptedTracker.Received lost = tracker.receive(WAIT);              // the connect is "lost"
            ScriptedTracker.Received again = tracker.receive(WAIT);
            assertThat(again.request()).isEqualTo(lost.request());               // the same request, same transaction id
            assertThat(Duration.ofNanos(again.atNanos() - lost.atNanos())).isGreaterThanOrEqualTo(BASE.minusMillis(20));
            tracker.send(UdpResponseEncoder.connect(again.request().transactionId(), CONNECTION_ID), again.from());

            ScriptedTracker.Received first = tracker.receive(WAIT);             // announce: lost twice
            ScriptedTracker.Received second = tracker.receive(WAIT);
            ScriptedTracker.Received third = tracker.receive(WAIT);
            assertThat(second.request()).isEqualTo(first.request());
            assertThat(third.request()).isEqualTo(first.request());
            assertThat(Duration.ofNanos(second.atNanos() - first.atNanos())).isGreaterThanOrEqualTo(BASE.minusMillis(20));
            assertThat(Duration.ofNanos(third.atNanos() - second.atNanos()))
                    .as("the time-out doubles").isGreaterThanOrEqualTo(BASE.multipliedBy(2).minusMillis(20));
            tracker.send(UdpResponseEncoder.announce(third.request().transactionId(),
                    AnnounceResponse.of(1800, 0, 1, 0, List.of()), false), third.from());
            assertThat(answer.get(5, TimeUnit.SECONDS).interval()).isEqualTo(1800);
        }
    }

    @Test
    void answersWithAWrongTransactionIdFromAForeignAddressOrMalformedAreIgnored() throws Exception {
        try (ScriptedTracker tracker = new ScriptedTracker("127.0.0.1")) {
            CompletableFuture<AnnounceResponse> answer = client(3, 16).announce(tracker.url(), REQUEST).toFuture();
            ScriptedTracker.Received connect = tracker.receive(WAIT);
            int tx = connect.request().transactionId();
            tracker.send(UdpResponseEncoder.connect(tx + 1, 666), connect.from());          // wrong transaction id
            tracker.sendForeign(UdpResponseEncoder.connect(tx, 667), connect.from());      // right id, wrong sender
            tracker.send(new byte[] {0, 0, 0, 0, 1}, connect.from());                       // shorter than any answer
            tracker.send(java.util.Arrays.copyOf(UdpResponseEncoder.connect(tx, 668), 12), connect.from()); // cut short
            tracker.send(UdpResponseEncoder.scrape(tx, List.of()), connect.from());         // wrong action
            tracker.send(UdpResponseEncoder.connect(tx, CONNECTION_ID), connect.from());

            ScriptedTracker.Received received = tracker.poll(WAIT);
            while (received != null && received.request() instanceof UdpRequest.Connect) {
                received = tracker.poll(WAIT);                                  // a retransmission of the connect, if slow
            }
            assertThat(received).isNotNull();
            UdpRequest.Announce announce = (UdpRequest.Announce) received.request();
            assertThat(announce.connectionId()).as("only the genuine answer counted").isEqualTo(CONNECTION_ID);
            tracker.send(UdpResponseEncoder.announce(announce.transactionId() ^ 0x10000,
                    AnnounceResponse.of(1, 0, 0, 0, List.of()), false), received.from());   // wrong id: ignored
            tracker.send(UdpResponseEncoder.announce(announce.transactionId(),
                    AnnounceResponse.of(1200, 0, 1, 0, List.of()), false), received.from());
            assertThat(answer.get(5, TimeUnit.SECONDS).interval()).isEqualTo(1200);
        }
    }

    @Test
    void anErrorAnswerFailsTheAnnounceAsATrackerFailureAndTheNextAnnounceConnectsAgain() throws Exception {
        try (ScriptedTracker tracker = new ScriptedTracker("127.0.0.1")) {
            CompletableFuture<AnnounceResponse> answer = client(3, 16).announce(tracker.url(), REQUEST).toFuture();
            ScriptedTracker.Received connect = tracker.receive(WAIT);
            tracker.send(UdpResponseEncoder.connect(connect.request().transactionId(), CONNECTION_ID), connect.from());
            ScriptedTracker.Received announce = tracker.receive(WAIT);
            tracker.send(UdpResponseEncoder.error(announce.request().transactionId(), "torrent not registered"),
                    announce.from());
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TrackerFailureException.class)
                    .satisfies(e -> assertThat(((TrackerFailureException) e).failureReason())
                            .isEqualTo("torrent not registered"));

            client.announce(tracker.url(), REQUEST).toFuture();
            assertThat(tracker.receive(WAIT).request()).as("a new connect after an error")
                    .isInstanceOf(UdpRequest.Connect.class);
        }
    }

    @Test
    void anErrorAnswerToTheConnectIsATrackerFailureToo() throws Exception {
        try (ScriptedTracker tracker = new ScriptedTracker("127.0.0.1")) {
            CompletableFuture<AnnounceResponse> answer = client(3, 16).announce(tracker.url(), REQUEST).toFuture();
            ScriptedTracker.Received connect = tracker.receive(WAIT);
            tracker.send(UdpResponseEncoder.error(connect.request().transactionId(), "go away"), connect.from());
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(TrackerFailureException.class).hasMessageContaining("go away");
        }
    }

    @Test
    void theConnectionIdIsReusedWithinAMinuteAndRenewedAfter() throws Exception {
        try (ScriptedTracker tracker = new ScriptedTracker("127.0.0.1")) {
            client(3, 16);
            announceOnce(tracker, true, CONNECTION_ID);
            clock.addAndGet(Duration.ofSeconds(59).toNanos());
            announceOnce(tracker, false, CONNECTION_ID);                        // within the minute: no connect
            clock.addAndGet(Duration.ofSeconds(2).toNanos());
            announceOnce(tracker, true, CONNECTION_ID + 1);                     // 61 s after the connect: a new one
            announceOnce(tracker, false, CONNECTION_ID + 1);
        }
    }

    private void announceOnce(ScriptedTracker tracker, boolean expectConnect, long connectionId) throws Exception {
        CompletableFuture<AnnounceResponse> answer = client.announce(tracker.url(), REQUEST).toFuture();
        ScriptedTracker.Received first = tracker.receive(WAIT);
        if (expectConnect) {
            assertThat(first.request()).isInstanceOf(UdpRequest.Connect.class);
            tracker.send(UdpResponseEncoder.connect(first.request().transactionId(), connectionId), first.from());
            first = tracker.receive(WAIT);
        }
        UdpRequest.Announce announce = (UdpRequest.Announce) first.request();
        assertThat(announce.connectionId()).isEqualTo(connectionId);
        tracker.send(UdpResponseEncoder.announce(announce.transactionId(), AnnounceResponse.of(60, 0, 1, 0, List.of()),
                false), first.from());
        assertThat(answer.get(5, TimeUnit.SECONDS).interval()).isEqualTo(60);
    }

    @Test
    void aSilentTrackerFailsTheAnnounceAfterTheLastTry() throws Exception {
        try (ScriptedTracker tracker = new ScriptedTracker("127.0.0.1")) {
            CompletableFuture<AnnounceResponse> answer = client(2, 16).announce(tracker.url(), REQUEST).toFuture();
            tracker.receive(WAIT);
            tracker.receive(WAIT);
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(UdpTrackerTimeoutException.class).hasMessageContaining("after 2 tries");
            assertThat(tracker.poll(BASE.multipliedBy(3))).as("no third try").isNull();
            assertThat(client.outstanding()).isZero();
        }
    }

    @Test
    void requestsBeyondTheBoundOnOutstandingOnesWaitInArrivalOrderAndBeyondTheQueueFailAtOnce() throws Exception {
        try (ScriptedTracker a = new ScriptedTracker("127.0.0.1"); ScriptedTracker b = new ScriptedTracker("127.0.0.1")) {
            client(3, 1, 1);
            CompletableFuture<AnnounceResponse> first = client.announce(a.url(), REQUEST).toFuture();
            ScriptedTracker.Received connectA = a.receive(WAIT);               // holds the one place
            CompletableFuture<AnnounceResponse> second = client.announce(b.url(), REQUEST).toFuture();
            assertThat(b.poll(BASE.dividedBy(2))).as("B's connect waits for the place").isNull();
            CompletableFuture<AnnounceResponse> third = client.announce("udp://127.0.0.1:9/announce", REQUEST).toFuture();
            assertThatThrownBy(() -> third.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(UdpTrackerBusyException.class);
            assertThat(client.outstanding()).isEqualTo(1);
            assertThat(client.queued()).isEqualTo(1);

            a.send(UdpResponseEncoder.connect(connectA.request().transactionId(), CONNECTION_ID), connectA.from());
            ScriptedTracker.Received connectB = b.receive(WAIT);               // the place went to B's connect first
            assertThat(connectB.request()).isInstanceOf(UdpRequest.Connect.class);
            assertThat(a.poll(BASE.dividedBy(2))).as("A's announce waits behind it").isNull();
            b.send(UdpResponseEncoder.connect(connectB.request().transactionId(), CONNECTION_ID + 1), connectB.from());
            ScriptedTracker.Received announceA = a.receive(WAIT);
            assertThat(announceA.request()).isInstanceOf(UdpRequest.Announce.class);
            a.send(UdpResponseEncoder.announce(announceA.request().transactionId(),
                    AnnounceResponse.of(100, 0, 1, 0, List.of()), false), announceA.from());
            ScriptedTracker.Received announceB = b.receive(WAIT);
            b.send(UdpResponseEncoder.announce(announceB.request().transactionId(),
                    AnnounceResponse.of(200, 0, 1, 0, List.of()), false), announceB.from());
            assertThat(first.get(5, TimeUnit.SECONDS).interval()).isEqualTo(100);
            assertThat(second.get(5, TimeUnit.SECONDS).interval()).isEqualTo(200);
            assertThat(client.outstanding()).isZero();
            assertThat(client.queued()).isZero();
        }
    }

    @Test
    void aCancelledAnnounceGivesItsPlaceToTheNextWaiting() throws Exception {
        try (ScriptedTracker a = new ScriptedTracker("127.0.0.1"); ScriptedTracker b = new ScriptedTracker("127.0.0.1")) {
            client(3, 1, 1);
            var cancelled = client.announce(a.url(), REQUEST).subscribe();
            ScriptedTracker.Received connect = a.receive(WAIT);
            a.send(UdpResponseEncoder.connect(connect.request().transactionId(), CONNECTION_ID), connect.from());
            assertThat(a.receive(WAIT).request()).isInstanceOf(UdpRequest.Announce.class);   // holds the place
            CompletableFuture<AnnounceResponse> other = client.announce(b.url(), REQUEST).toFuture();
            assertThat(b.poll(BASE.dividedBy(2))).isNull();
            cancelled.dispose();
            assertThat(b.receive(WAIT).request()).as("the place freed by the cancel").isInstanceOf(UdpRequest.Connect.class);
            assertThat(other).isNotDone();
        }
    }

    @Test
    void anIpv6TrackerIsAskedOverIpv6AndItsPeersRead() throws Exception {
        try (ScriptedTracker tracker = new ScriptedTracker("::1")) {
            assertThat(tracker.url()).startsWith("udp://[");
            CompletableFuture<AnnounceResponse> answer = client(3, 16).announce(tracker.url(), REQUEST).toFuture();
            ScriptedTracker.Received connect = tracker.receive(WAIT);
            tracker.send(UdpResponseEncoder.connect(connect.request().transactionId(), CONNECTION_ID), connect.from());
            ScriptedTracker.Received announce = tracker.receive(WAIT);
            byte[] ip = new byte[16];
            ip[15] = 1;
            Peer peer = Peer.of(PeerAddress.of(ip, 6881));
            tracker.send(UdpResponseEncoder.announce(announce.request().transactionId(),
                    AnnounceResponse.of(900, 0, 1, 0, List.of(peer)), true), announce.from());
            assertThat(answer.get(5, TimeUnit.SECONDS).peers()).containsExactly(peer);
        }
    }

    @Test
    void onlyUdpUrlsAreSupportedAndMalformedOnesFail() {
        UdpTrackerClient c = client(1, 1);
        assertThat(c.supports("udp://tracker.example:6969/announce")).isTrue();
        assertThat(c.supports("UDP://tracker.example:6969")).isTrue();
        assertThat(c.supports("http://tracker.example/announce")).isFalse();
        for (String bad : List.of("udp://tracker.example/announce", "udp://:6969", "udp://host:70000", "udp://a b:1")) {
            assertThatThrownBy(() -> c.announce(bad, REQUEST).toFuture().get(5, TimeUnit.SECONDS)).as(bad)
                    .cause().isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(UdpTrackerAddress.parse("udp://[2001:db8::1]:6969/announce"))
                .isEqualTo(new UdpTrackerAddress("2001:db8::1", 6969));
        assertThat(UdpTrackerProtocol.PROTOCOL_ID).isEqualTo(0x41727101980L);
    }
}
