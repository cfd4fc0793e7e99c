/**
 * Kafka plumbing shared by the services: publishing {@link org.everseed.events.PlatformEvent}s as
 * {@code Mono}, the listener error handling (retries, then the dead-letter topic), and the topics.
 * spring-kafka has no reactive template: {@link org.everseed.messaging.EventPublisher} bridges the
 * {@code CompletableFuture} of {@code KafkaTemplate} to a {@code Mono}, off the event loop.
 */
package org.everseed.messaging;
