package org.everseed.messaging.outbox;

import io.r2dbc.spi.ConnectionFactory;
import org.everseed.events.EventCodec;
import org.everseed.messaging.EventPublisher;
import org.everseed.messaging.KafkaMessagingAutoConfiguration;
import org.everseed.messaging.MessagingProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The outbox and its relay, for services that have an R2DBC connection factory. */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, KafkaMessagingAutoConfiguration.class})
@ConditionalOnClass(DatabaseClient.class)
@ConditionalOnBean(ConnectionFactory.class)
public class OutboxAutoConfiguration {

    /** Writes events in the caller's transaction. */
    @Bean
    @ConditionalOnMissingBean
    public Outbox outbox(ConnectionFactory connectionFactory, EventCodec codec) {
        return new Outbox(DatabaseClient.create(connectionFactory), codec);
    }

    /** Publishes written events to Kafka. */
    @Bean
    @ConditionalOnMissingBean
    public OutboxRelay outboxRelay(ConnectionFactory connectionFactory, EventPublisher publisher, MessagingProperties properties) {
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory));
        return new OutboxRelay(DatabaseClient.create(connectionFactory), tx, publisher, properties);
    }
}
