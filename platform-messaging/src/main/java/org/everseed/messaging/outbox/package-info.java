/**
 * The transactional outbox: a service writes its event into its own {@code outbox} table in the
 * same database transaction as the rows the event speaks of, and a relay publishes it to Kafka
 * afterwards (at least once). A crash between the two loses nothing and a rolled-back write
 * publishes nothing. Each service's Flyway migration creates the table (see {@code docs/events.md}).
 */
package org.everseed.messaging.outbox;
