package org.everseed.seed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stand-ins for the two HTTP services the everseed calls, on 127.0.0.1: metafile-service's
 * {@code GET /torrents/{hex}.torrent} (serves the torrents put here) and a tracker's
 * {@code GET /announce} (records each raw query, answers {@code interval} 1800 and no peers).
 */
final class StubHttpServices implements AutoCloseable {
    final Map<String, byte[]> torrents = new ConcurrentHashMap<>();
    final BlockingQueue<String> announces = new LinkedBlockingQueue<>();
    private final HttpServer server;

    StubHttpServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/torrents/", this::torrent);
        server.createContext("/announce", this::announce);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void torrent(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/torrents/".length());
        byte[] body = torrents.get(name.replace(".torrent", ""));
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/x-bittorrent");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void announce(HttpExchange exchange) throws IOException {
        announces.add(exchange.getRequestURI().getRawQuery());
        byte[] body = "d8:intervali1800e5:peers0:e".getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
