package org.everseed.tracker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A minimal HTTP/1.1 client over a socket that sends the request target byte for byte, so tests can
 * send what {@code java.net.URI} would refuse (bad escapes, raw bytes). Every read has a timeout.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** Status code and body of one response. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    static Response get(int port, String target, String... headers) throws IOException {
        try (Socket socket = new Socket()) {
            Duration timeout = Duration.ofSeconds(10);
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            byte[] bytes = all.toByteArray();
            String head = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\r\n\r\n");
            int status = Integer.parseInt(head.substring(9, 12));
            byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
            if (head.substring(0, end).toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Response(status, body);
        }
    }

    /**
     * Sends {@code targets} one after the other over one keep-alive connection, the last one with
     * {@code Connection: close}, all written at once (HTTP/1.1 pipelining); reads each answer by its
     * {@code Content-Length}, then expects the server to close. Returns the statuses and bodies in order.
     */
    static java.util.List<Response> pipelined(int port, String... targets) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            StringBuilder requests = new StringBuilder();
            for (int i = 0; i < targets.length; i++) {
                requests.append("GET ").append(targets[i]).append(" HTTP/1.1\r\nHost: localhost\r\n")
                        .append(i == targets.length - 1 ? "Connection: close\r\n" : "").append("\r\n");
            }
            socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.ISO_8859_1));
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            java.util.List<Response> responses = new java.util.ArrayList<>();
            for (String ignored : targets) {
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    head.append((char) in.readUnsignedByte());
                }
                String text = head.toString().toLowerCase(java.util.Locale.ROOT);
                int at = text.indexOf("content-length:");
                int length = Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).strip());
                byte[] body = new byte[length];
                in.readFully(body);
                responses.add(new Response(Integer.parseInt(text.substring(9, 12)), body));
            }
            if (in.read() != -1) {
                throw new IOException("connection not closed after Connection: close");
            }
            return responses;
        }
    }

    private static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (true) {
            int lineEnd = indexOf(data, pos);
            int size = Integer.parseInt(new String(data, pos, lineEnd - pos, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(data, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length - 1; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no CRLF in chunked body");
    }
}
