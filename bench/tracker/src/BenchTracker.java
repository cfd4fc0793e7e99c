import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.tracker.TrackerServiceApplication;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs our tracker for the benchmark: the real embedded PostgreSQL and Kafka (as the integration tests
 * do), the tracker on the given HTTP and UDP ports, and the info_hashes of a file (hex, one per line)
 * registered straight into the swarm registry (what TorrentCreated does, minus the broker round trip).
 * Prints READY when it serves; runs until killed.
 *
 * <p>Usage: BenchTracker hashes.txt httpPort udpPort
 */
public final class BenchTracker {
    public static void main(String[] args) throws Exception {
        List<String> hashes = Files.readAllLines(Path.of(args[0]));
        Map<String, String> infra = EmbeddedInfrastructure.shared().springProperties("tracker");
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + args[1],
                "--everseed.tracker.udp-port=" + args[2], "--logging.level.root=WARN"));
        infra.forEach((k, v) -> arguments.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TrackerServiceApplication.class)
                .properties("spring.config.name=tracker-service")
                .run(arguments.toArray(String[]::new));
        SwarmRegistry registry = context.getBean(SwarmRegistry.class);
        for (String h : hashes) {
            if (!h.isBlank()) {
                registry.register(InfoHash.fromHex(h.strip()), 0);
            }
        }
        System.out.println("READY " + registry.size() + " torrents");
        new CountDownLatch(1).await();
    }
}
