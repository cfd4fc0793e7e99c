import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Clock;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.tracker.swarm.Swarm;
import org.everseed.tracker.swarm.SwarmRegistry;

/**
 * Bytes per peer in our swarms: heap after a full GC with {@code peers} peers (IPv4, distinct
 * peer_ids, half seeders) announced into {@code torrents} swarms, minus the heap with the empty swarms,
 * divided by {@code peers}. Every announce asks for 0 peers, so only the stored state counts.
 *
 * <p>Usage: MemoryPerPeer peers torrents
 */
public final class MemoryPerPeer {
    public static void main(String[] args) {
        int peers = Integer.parseInt(args[0]);
        int torrents = Integer.parseInt(args[1]);
        SwarmRegistry registry = new SwarmRegistry(Clock.systemUTC());
        Swarm[] swarms = new Swarm[torrents];
        for (int t = 0; t < torrents; t++) {
            byte[] h = new byte[20];
            ByteBuffer.wrap(h).putInt(t);
            swarms[t] = registry.register(InfoHash.of(h), 0);
        }
        long before = usedAfterGc();
        long now = System.currentTimeMillis();
        for (int n = 0; n < peers; n++) {
            byte[] id = new byte[20];
            ByteBuffer.wrap(id).putLong(0x2d42454e43482dL).putLong(12, n);
            byte[] ip = {10, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
            swarms[n % torrents].announce(PeerId.of(id), PeerAddress.of(ip, 1024 + n % 60000), n % 2 == 0 ? 0 : 1000,
                    AnnounceEvent.STARTED, 0, now);
        }
        long after = usedAfterGc();
        long total = 0;
        for (Swarm s : swarms) {
            total += s.counts().seeders() + s.counts().leechers();
        }
        System.out.printf("peers %d in %d swarms: %.1f MiB, %.0f bytes per peer%n", total, torrents,
                (after - before) / 1048576.0, (after - before) / (double) total);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
