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
 * Stand-ins for the two HTTP services the everseed calls, on 127.0.0.1 (or another address): metafile-service's
 * {@code GET /torrents/{hex}.torrent} (serves the torrents put here) and a tracker's
 * {@code GET /announce} (records each raw query, answers {@code interval} 1800 and, if set, the
 * everseed as the only peer).
 */
final class StubHttpServices implements AutoCloseable {
    final Map<String, byte[]> torrents = new ConcurrentHashMap<>();
    final BlockingQueue<String> announces = new LinkedBlockingQueue<>();
    /** The peer handed out to every announcer (compact, BEP 23): {@code peerIp} and this port; 0 for none. */
    volatile int peerPort;
    private final HttpServer server;
    private final String host;
    private final byte[] peerIp;

    /** Started on 127.0.0.1, handing out 127.0.0.1; an {@link IllegalStateException} if it cannot listen. */
    static StubHttpServices start() {
        try {
            return new StubHttpServices();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    StubHttpServices() throws IOException {
        this("127.0.0.1", "127.0.0.1");
    }

    /** Listens on {@code host} (an IPv4 address); hands out the peer {@code peerIp}:{@link #peerPort}. */
    StubHttpServices(String host, String peerIp) throws IOException {
        this.host = host;
        this.peerIp = java.net.InetAddress.getByName(peerIp).getAddress();
        server = HttpServer.create(new InetSocketAddress(host, 0), 16);
        server.createContext("/torrents/", this::torrent);
        server.createContext("/announce", this::announce);
        server.start();
    }

    String baseUrl() {
        return "http://" + host + ":" + server.getAddress().getPort();
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
        byte[] head = "d8:intervali1800e5:peers".getBytes(StandardCharsets.US_ASCII);
        int port = peerPort;
        byte[] peers = port == 0 ? "0:".getBytes(StandardCharsets.US_ASCII)
                : new byte[] {'6', ':', peerIp[0], peerIp[1], peerIp[2], peerIp[3], (byte) (port >> 8), (byte) port};
        byte[] body = new byte[head.length + peers.length + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(peers, 0, body, head.length, peers.length);
        body[body.length - 1] = 'e';
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
