package org.everseed.tracker.transport.udp;

import java.time.Clock;
import org.everseed.tracker.announce.AnnounceService;
import org.everseed.tracker.config.TrackerProperties;
import org.everseed.tracker.metrics.TrackerMetrics;
import org.everseed.tracker.scrape.ScrapeService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans of the UDP tracker: connection ids and the exchange (the server is a component). */
@Configuration(proxyBeanMethods = false)
public class UdpTrackerConfiguration {

    /**
     * Connection ids valid for {@code udp-connection-lifetime}, keyed by {@code udp-connection-id-secret}
     * (or a key made now when it is empty).
     */
    @Bean
    public ConnectionIds connectionIds(Clock clock, TrackerProperties properties) {
        return new ConnectionIds(clock, properties.udpConnectionLifetime(), properties.udpConnectionIdSecret());
    }

    /** The Netty-free request handling. */
    @Bean
    public UdpTrackerExchange udpTrackerExchange(AnnounceService announces, ScrapeService scrapes,
                                                 ConnectionIds connectionIds, TrackerMetrics metrics) {
        return new UdpTrackerExchange(announces, scrapes, connectionIds, metrics);
    }
}
