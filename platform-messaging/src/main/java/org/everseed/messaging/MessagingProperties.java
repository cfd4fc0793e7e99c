package org.everseed.messaging;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Messaging settings, prefix {@code everseed.messaging}.
 *
 * @param partitions partitions of each event topic and its dead-letter topic when they are created;
 *     default 3
 * @param replicationFactor replicas of each topic when created; default 1 (the embedded single broker)
 * @param retryAttempts deliveries of a failing record after the first, before it goes to the
 *     dead-letter topic; default 3
 * @param retryBackoff pause between those deliveries; default 1 s
 * @param outboxPollInterval how often the outbox relay looks for events to publish; default 250 ms
 * @param outboxBatchSize most events the relay publishes per look; default 100
 * @param outboxRetention how long published outbox rows are kept before deletion; default 1 day
 */
@Validated
@ConfigurationProperties("everseed.messaging")
public record MessagingProperties(
        @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("3") @Min(0) int retryAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("250ms") Duration outboxPollInterval,
        @DefaultValue("100") @Min(1) int outboxBatchSize,
        @DefaultValue("1d") Duration outboxRetention) {
}
