package org.everseed.messaging;

import org.everseed.events.EventCodec;
import org.everseed.events.PlatformEvent;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes events to their topic, keyed by {@link PlatformEvent#key()}. The send runs on the
 * bounded-elastic scheduler, since a Kafka producer may block while it fetches metadata; the Mono
 * completes when the broker acknowledged the record.
 */
public class EventPublisher {
    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec;

    /** @param template the producer template; @param codec the event JSON codec */
    public EventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec) {
        this.template = template;
        this.codec = codec;
    }

    /** Publishes {@code event}; errors with the producer's exception if the broker does not take it. */
    public Mono<Void> publish(PlatformEvent event) {
        return publish(event.topic(), event.key(), codec.encode(event));
    }

    /** Publishes an already encoded event, as the outbox relay does. */
    public Mono<Void> publish(String topic, String key, byte[] payload) {
        return Mono.defer(() -> Mono.fromFuture(template.send(topic, key, payload)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
