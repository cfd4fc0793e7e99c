package org.everseed.tracker.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.junit.jupiter.api.Test;

class SwarmTest {
    static final InfoHash HASH = InfoHash.fromHex("ab".repeat(20));

    static PeerAddress at(int last, int port) {
        return PeerAddress.of(new byte[] {10, 0, 0, (byte) last}, port);
    }

    @Test
    void seedersGetOnlyLeechersAndLeechersGetSeedersFirst() {
        Swarm swarm = new Swarm(HASH, 0, 0);
        PeerId s1 = PeerId.generate("-S1-");
        PeerId s2 = PeerId.generate("-S2-");
        PeerId l1 = PeerId.generate("-L1-");
        PeerId l2 = PeerId.generate("-L2-");
        swarm.announce(s1, at(1, 1), 0, AnnounceEvent.STARTED, 50, 0);
        swarm.announce(s2, at(2, 1), 0, AnnounceEvent.STARTED, 50, 0);
        swarm.announce(l1, at(3, 1), 5, AnnounceEvent.STARTED, 50, 0);
        AnnounceOutcome leecher = swarm.announce(l2, at(4, 1), 5, AnnounceEvent.STARTED, 2, 0);
        assertThat(leecher.peers()).extracting(p -> p.peerId().orElseThrow()).containsExactlyInAnyOrder(s1, s2);
        AnnounceOutcome seeder = swarm.announce(s1, at(1, 1), 0, AnnounceEvent.NONE, 50, 0);
        assertThat(seeder.peers()).extracting(p -> p.peerId().orElseThrow()).containsExactlyInAnyOrder(l1, l2);
        assertThat(seeder.seeders()).isEqualTo(2);
        assertThat(seeder.leechers()).isEqualTo(2);
    }

    @Test
    void aPeerNeverGetsItselfNorItsOwnAddressAndListsAreCapped() {
        Swarm swarm = new Swarm(HASH, 0, 0);
        for (int i = 0; i < 30; i++) {
            swarm.announce(PeerId.generate("-P" + i + "-"), at(i, 6881), 7, AnnounceEvent.STARTED, 0, 0);
        }
        PeerId me = PeerId.generate("-ME-");
        AnnounceOutcome o = swarm.announce(me, at(5, 6881), 7, AnnounceEvent.STARTED, 10, 0);
        assertThat(o.peers()).hasSize(10).doesNotContain(Peer.of(at(5, 6881), me))
                .allMatch(p -> !p.peerId().orElseThrow().equals(me) && !p.address().equals(at(5, 6881)));
    }

    @Test
    void completedCountsOncePerPeerAndStoppedLeaves() {
        Swarm swarm = new Swarm(HASH, 4, 0);
        PeerId p = PeerId.generate("-P-");
        swarm.announce(p, at(1, 1), 9, AnnounceEvent.STARTED, 50, 0);
        assertThat(swarm.announce(p, at(1, 1), 0, AnnounceEvent.COMPLETED, 50, 0).completedCounted()).isTrue();
        assertThat(swarm.announce(p, at(1, 1), 0, AnnounceEvent.COMPLETED, 50, 0).completedCounted()).isFalse();
        assertThat(swarm.counts()).isEqualTo(new SwarmCounts(HASH, 1, 0, 5));
        swarm.announce(p, at(1, 1), 0, AnnounceEvent.STOPPED, 50, 0);
        assertThat(swarm.counts()).isEqualTo(new SwarmCounts(HASH, 0, 0, 5));
    }

    @Test
    void aPeerChangingRoleMovesBetweenTheListsAndIsNeverListedTwice() {
        Swarm swarm = new Swarm(HASH, 0, 0);
        PeerId p = PeerId.generate("-P-");
        PeerId other = PeerId.generate("-O-");
        swarm.announce(other, at(9, 1), 5, AnnounceEvent.STARTED, 50, 0);
        swarm.announce(p, at(1, 1), 0, AnnounceEvent.STARTED, 50, 0);
        assertThat(swarm.counts()).isEqualTo(new SwarmCounts(HASH, 1, 1, 0));
        // the seeder starts over (left > 0): now a leecher, once
        AnnounceOutcome leecher = swarm.announce(p, at(1, 2), 7, AnnounceEvent.NONE, 50, 0);
        assertThat(swarm.counts()).isEqualTo(new SwarmCounts(HASH, 0, 2, 0));
        assertThat(leecher.peers()).extracting(x -> x.peerId().orElseThrow()).containsExactly(other);
        AnnounceOutcome seen = swarm.announce(other, at(9, 1), 5, AnnounceEvent.NONE, 50, 0);
        assertThat(seen.peers()).extracting(Peer::address).containsExactly(at(1, 2));
        // and back to seeding: counted as completed once, a seeder once
        assertThat(swarm.announce(p, at(1, 2), 0, AnnounceEvent.COMPLETED, 50, 0).completedCounted()).isTrue();
        assertThat(swarm.counts()).isEqualTo(new SwarmCounts(HASH, 1, 1, 1));
        swarm.announce(p, at(1, 2), 0, AnnounceEvent.STOPPED, 50, 0);
        assertThat(swarm.counts()).isEqualTo(new SwarmCounts(HASH, 0, 1, 1));
    }

    @Test
    void peersExpireAfterTheirTimeout() {
        Swarm swarm = new Swarm(HASH, 0, 0);
        swarm.announce(PeerId.generate("-OLD-"), at(1, 1), 0, AnnounceEvent.STARTED, 0, 1_000);
        swarm.announce(PeerId.generate("-NEW-"), at(2, 1), 3, AnnounceEvent.STARTED, 0, 5_000);
        assertThat(swarm.expire(2_000, 6_000)).isEqualTo(1);
        assertThat(swarm.counts()).isEqualTo(new SwarmCounts(HASH, 0, 1, 0));
    }

    @Test
    void emptinessIsReportedOncePerSeederlessPeriod() {
        Swarm swarm = new Swarm(HASH, 0, 1_000);
        assertThat(swarm.claimEmptyReport(1_500, 1_000)).isEmpty();
        assertThat(swarm.claimEmptyReport(2_000, 1_000)).contains(Instant.ofEpochMilli(1_000));
        assertThat(swarm.claimEmptyReport(9_000, 1_000)).isEmpty();

        PeerId seeder = PeerId.generate("-S-");
        swarm.announce(seeder, at(1, 1), 0, AnnounceEvent.STARTED, 0, 10_000);
        assertThat(swarm.claimEmptyReport(20_000, 1_000)).isEmpty();
        swarm.announce(seeder, at(1, 1), 0, AnnounceEvent.STOPPED, 0, 21_000);
        assertThat(swarm.claimEmptyReport(21_500, 1_000)).isEmpty();
        assertThat(swarm.claimEmptyReport(22_000, 1_000)).contains(Instant.ofEpochMilli(21_000));

        swarm.releaseEmptyReport();
        assertThat(swarm.claimEmptyReport(22_100, 1_000)).contains(Instant.ofEpochMilli(21_000));
    }
}
