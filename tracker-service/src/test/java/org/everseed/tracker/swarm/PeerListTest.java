package org.everseed.tracker.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The flat peer storage against a plain map, over many random additions, updates and removals. */
class PeerListTest {

    /** A peer_id as the three words the list stores. */
    private record Id(long high, long middle, int low) {
    }

    @Test
    void findsAddsUpdatesAndRemovesLikeAMap() {
        Random random = new Random(42);
        PeerList list = new PeerList();
        Map<Id, Long> model = new HashMap<>(); // peer_id -> last seen
        List<Id> ids = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // few distinct high words, so ids share prefixes as real client ids do
            ids.add(new Id(random.nextInt(4), random.nextLong(), random.nextInt(1000)));
        }
        for (int step = 0; step < 200_000; step++) {
            Id id = ids.get(random.nextInt(step < 100_000 ? ids.size() : 300)); // later: shrink to few peers
            int at = list.find(id.high, id.middle, id.low);
            assertThat(at >= 0).as("found %s at step %d", id, step).isEqualTo(model.containsKey(id));
            int op = random.nextInt(step < 100_000 ? 3 : 2);
            if (op == 0 && at >= 0) {
                list.remove(at);
                model.remove(id);
            } else if (at >= 0) {
                list.update(at, 0, PeerWords.ipv4Low(step), step & 0xffff, step);
                model.put(id, (long) step);
            } else {
                list.add(id.high, id.middle, id.low, 0, PeerWords.ipv4Low(step), step & 0xffff, step);
                model.put(id, (long) step);
            }
            assertThat(list.size()).isEqualTo(model.size());
        }
        for (Id id : ids) {
            assertThat(list.find(id.high, id.middle, id.low) >= 0).as("%s", id).isEqualTo(model.containsKey(id));
        }
        long cutoff = 180_000;
        long expected = model.values().stream().filter(seen -> seen < cutoff).count();
        assertThat(list.removeIfSeenBefore(cutoff)).isEqualTo((int) expected);
        model.values().removeIf(seen -> seen < cutoff);
        assertThat(list.size()).isEqualTo(model.size());
        for (Id id : model.keySet()) {
            assertThat(list.find(id.high, id.middle, id.low)).as("%s", id).isNotNegative();
        }
    }

    @Test
    void collectWrapsAroundAndSkipsTheRequestersIdAndAddress() {
        PeerList list = new PeerList();
        for (int i = 0; i < 10; i++) {
            list.add(0, i, i, 0, PeerWords.ipv4Low(0x0a000000 + i), 6881, 0);
        }
        PeerSelection out = new PeerSelection();
        out.reset();
        // requester: peer_id of peer 3, address of peer 7; start at 8
        list.collect(8, 100, -1, 0, 3, 3, 0, PeerWords.ipv4Low(0x0a000007), 6881, out);
        assertThat(out.count()).isEqualTo(8);
        Set<Integer> lastOctets = new HashSet<>();
        out.peers().forEach(p -> lastOctets.add((int) p.address().ip()[3]));
        assertThat(lastOctets).containsExactlyInAnyOrder(0, 1, 2, 4, 5, 6, 8, 9);
        assertThat(out.peers().getFirst().address().ip()[3]).as("window starts at 8").isEqualTo((byte) 8);
        out.reset();
        list.collect(0, 4, 0, 9, 9, 9, 0, 0, 0, out);
        assertThat(out.count()).as("capped, own position skipped").isEqualTo(4);
        assertThat(out.peers().getFirst().address().ip()[3]).isEqualTo((byte) 1);
    }
}
