package org.everseed.tracker.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tracker settings, prefix {@code everseed.tracker}.
 *
 * @param interval announce {@code interval} handed to clients (BEP 3); default 15 min
 * @param minInterval announce {@code min interval} handed to clients; default 1 min
 * @param peerTimeout a peer not heard from for this long leaves its swarm: one missed interval plus
 *     slack; must exceed {@code interval}; default 20 min
 * @param defaultNumwant peers handed out when the client sends no {@code numwant}; default 50
 * @param maxNumwant most peers handed out in one response, whatever {@code numwant} says; default 200
 * @param swarmEmptyAfter a registered torrent without a seeder for this long gets one {@code SwarmEmpty}
 *     event (again after a seeder came and went); default 5 min
 * @param sweepInterval how often expired peers are removed and empty swarms are checked; default 30 s
 * @param statsInterval how often {@code SwarmStats} goes out for swarms whose counts changed; 0 turns it
 *     off; default 1 min
 * @param trustedProxies IP literals whose {@code X-Forwarded-For} is believed (the gateway); default
 *     loopback, {@code 127.0.0.1} and {@code ::1}
 */
@Validated
@ConfigurationProperties("everseed.tracker")
public record TrackerProperties(
        @DefaultValue("15m") @NotNull Duration interval,
        @DefaultValue("1m") @NotNull Duration minInterval,
        @DefaultValue("20m") @NotNull Duration peerTimeout,
        @DefaultValue("50") @Min(0) @Max(1000) int defaultNumwant,
        @DefaultValue("200") @Min(0) @Max(1000) int maxNumwant,
        @DefaultValue("5m") @NotNull Duration swarmEmptyAfter,
        @DefaultValue("30s") @NotNull Duration sweepInterval,
        @DefaultValue("1m") @NotNull Duration statsInterval,
        @DefaultValue({"127.0.0.1", "::1"}) @NotNull List<String> trustedProxies) {

    /** Whether the timings make sense together. */
    @AssertTrue(message = "peer-timeout must exceed interval, and interval must be at least min-interval, all positive")
    public boolean isTimingConsistent() {
        return interval.isPositive() && !minInterval.isNegative() && interval.compareTo(minInterval) >= 0
                && peerTimeout.compareTo(interval) > 0 && sweepInterval.isPositive() && !statsInterval.isNegative();
    }
}
