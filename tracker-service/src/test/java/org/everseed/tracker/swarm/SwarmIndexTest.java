package org.everseed.tracker.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.everseed.bittorrent.id.InfoHash;
import org.junit.jupiter.api.Test;

class SwarmIndexTest {

    @Test
    void findsByRawBytesAtAnOffsetThroughGrowthAndRemovals() {
        Random random = new Random(7);
        SwarmIndex index = new SwarmIndex();
        Map<InfoHash, Swarm> model = new HashMap<>();
        List<InfoHash> hashes = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[20];
            random.nextBytes(b);
            hashes.add(InfoHash.of(b));
        }
        for (int step = 0; step < 50_000; step++) {
            InfoHash h = hashes.get(random.nextInt(hashes.size()));
            if (random.nextInt(3) == 0) {
                index.remove(h.bytes());
                model.remove(h);
            } else {
                Swarm s = new Swarm(h, 0, 0);
                index.putIfAbsent(h.bytes(), s);
                model.putIfAbsent(h, s);
            }
        }
        byte[] packet = new byte[98];
        for (InfoHash h : hashes) {
            h.copyTo(packet, 16);
            assertThat(index.get(packet, 16)).as("%s", h).isSameAs(model.get(h));
        }
    }
}
