package org.everseed.metafile.config;

import io.r2dbc.spi.ConnectionFactory;
import org.everseed.metafile.hashing.ContentHasher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Beans of the metafile service: the piece hasher and the transactions that store a torrent with its event. */
@Configuration(proxyBeanMethods = false)
public class MetafileConfiguration {

    /** Hashes blobs on {@link MetafileProperties#effectiveHashingThreads()} threads; closed with the context. */
    @Bean(destroyMethod = "close")
    public ContentHasher contentHasher(MetafileProperties properties) {
        return new ContentHasher(properties.effectiveHashingThreads());
    }

    /** Transactions on the service's connection factory, in which a torrent row and its outbox event commit together. */
    @Bean
    public TransactionalOperator metafileTransactions(ConnectionFactory connectionFactory) {
        return TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory));
    }
}
