package org.everseed.gateway.filter;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Adds {@code Accept} to the {@code Vary} header of download URL responses, since the same URL answers with the
 * file or its .torrent depending on {@code Accept} (RFC 9110 section 12.5.5): caches must key on it. Keeps what the
 * service already put in {@code Vary}; adds nothing twice.
 */
public final class VaryAcceptGatewayFilter implements GatewayFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            boolean present = headers.getVary().stream().anyMatch(v -> v.equalsIgnoreCase(HttpHeaders.ACCEPT) || v.equals("*"));
            if (!present) {
                headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
