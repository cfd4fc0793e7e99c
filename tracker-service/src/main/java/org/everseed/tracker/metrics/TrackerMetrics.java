package org.everseed.tracker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.everseed.tracker.swarm.Swarm;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.springframework.stereotype.Component;

/**
 * The tracker's meters. Counters (rates come from Prometheus' {@code rate()}):
 * {@code everseed_tracker_announces_total{protocol}}, {@code everseed_tracker_scrapes_total{protocol}},
 * {@code everseed_tracker_failures_total{protocol,reason}}. Gauges: {@code everseed_tracker_swarms}
 * (registered torrents) and {@code everseed_tracker_peers{role=seeder|leecher}}, summed over swarms when
 * scraped. Counters are resolved once, so counting costs one striped add on the request path.
 */
@Component
public class TrackerMetrics {
    private final Map<TrackerProtocol, Counter> announces = new EnumMap<>(TrackerProtocol.class);
    private final Map<TrackerProtocol, Counter> scrapes = new EnumMap<>(TrackerProtocol.class);
    private final Map<TrackerProtocol, Map<FailureReason, Counter>> failures = new EnumMap<>(TrackerProtocol.class);

    /** Registers every meter in {@code meters}. */
    public TrackerMetrics(MeterRegistry meters, SwarmRegistry swarms) {
        for (TrackerProtocol p : TrackerProtocol.values()) {
            announces.put(p, Counter.builder("everseed.tracker.announces").tag("protocol", p.tag())
                    .description("Announces answered, failures included").register(meters));
            scrapes.put(p, Counter.builder("everseed.tracker.scrapes").tag("protocol", p.tag())
                    .description("Scrapes answered, failures included").register(meters));
            Map<FailureReason, Counter> byReason = new EnumMap<>(FailureReason.class);
            for (FailureReason r : FailureReason.values()) {
                byReason.put(r, Counter.builder("everseed.tracker.failures").tag("protocol", p.tag())
                        .tag("reason", r.tag()).description("Requests refused or dropped").register(meters));
            }
            failures.put(p, byReason);
        }
        Gauge.builder("everseed.tracker.swarms", swarms, SwarmRegistry::size)
                .description("Registered torrents (swarms)").register(meters);
        Gauge.builder("everseed.tracker.peers", swarms, r -> peers(r, true)).tag("role", "seeder")
                .description("Peers in all swarms").register(meters);
        Gauge.builder("everseed.tracker.peers", swarms, r -> peers(r, false)).tag("role", "leecher")
                .description("Peers in all swarms").register(meters);
    }

    /** Counts one announce over {@code protocol}. */
    public void announced(TrackerProtocol protocol) {
        announces.get(protocol).increment();
    }

    /** Counts one scrape over {@code protocol}. */
    public void scraped(TrackerProtocol protocol) {
        scrapes.get(protocol).increment();
    }

    /** Counts one failure over {@code protocol}. */
    public void failed(TrackerProtocol protocol, FailureReason reason) {
        failures.get(protocol).get(reason).increment();
    }

    private static double peers(SwarmRegistry registry, boolean seeders) {
        long n = 0;
        for (Swarm s : registry.all()) {
            n += seeders ? s.counts().seeders() : s.counts().leechers();
        }
        return n;
    }
}
