/**
 * The events the services exchange over Kafka: records with an event id and a time, their topics
 * and keys, and their JSON form with explicit type ids ({@link org.everseed.events.EventCodec}).
 * The catalogue is {@code docs/events.md}.
 */
package org.everseed.events;
