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
 * @param intervalJitter up to this much is added at random to each {@code interval} handed out, so that
 *     clients that started together do not announce together; 0 turns it off; default 1 min
 * @param udpPort UDP port of the BEP 15 tracker, on every address (IPv4 and IPv6); 0 picks a free port;
 *     default 6969
 * @param udpConnectionLifetime how long a UDP connection id is accepted after it was handed out (BEP 15
 *     lets clients use one for 1 min; the rest is slack for slow clients); default 2 min
 * @param udpConnectionIdSecret the secret UDP connection ids are keyed with (SHA-256 of it, first 16
 *     bytes), at least 16 characters; replicas behind one UDP address share it, so each accepts the
 *     ids the others handed out; default empty: a random key per start (a restart invalidates ids)
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
        @DefaultValue({"127.0.0.1", "::1"}) @NotNull List<String> trustedProxies,
        @DefaultValue("1m") @NotNull Duration intervalJitter,
        @DefaultValue("6969") @Min(0) @Max(65535) int udpPort,
        @DefaultValue("2m") @NotNull Duration udpConnectionLifetime,
        @DefaultValue("") @NotNull String udpConnectionIdSecret) {

    /** Whether the connection-id secret is either unset (empty) or long enough to be one. */
    @AssertTrue(message = "udp-connection-id-secret must be empty (a random key) or at least 16 characters")
    public boolean isConnectionIdSecretUsable() {
        return udpConnectionIdSecret.isEmpty() || udpConnectionIdSecret.length() >= 16;
    }

    /** Whether the timings make sense together. */
    @AssertTrue(message = "peer-timeout must exceed interval plus interval-jitter, and interval must be at least min-interval, all positive")
    public boolean isTimingConsistent() {
        return interval.isPositive() && !minInterval.isNegative() && interval.compareTo(minInterval) >= 0
                && peerTimeout.compareTo(interval.plus(intervalJitter)) > 0 && sweepInterval.isPositive()
                && !statsInterval.isNegative() && !intervalJitter.isNegative() && udpConnectionLifetime.isPositive();
    }
}
