package org.everseed.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** TCP ports on the loopback interface: validation and picking a free one. */
final class LocalPorts {

    /** The highest TCP port number. */
    static final int MAX_PORT = 65_535;

    private LocalPorts() {
    }

    /**
     * @param port a port number, 0 meaning "pick a free one"
     * @return the port
     * @throws IllegalArgumentException if outside 0..65535
     */
    static int requireValid(int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("Port " + port + " is outside 0.." + MAX_PORT + " (0 picks a free port)");
        }
        return port;
    }

    /**
     * Asks the kernel for a port that is free on 127.0.0.1 right now. Another process may take it before it is used,
     * so callers that bind it later retry on failure.
     *
     * @return a free port
     */
    static int pickFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on the loopback interface", e);
        }
    }

    /**
     * @param port a requested port, 0 meaning "pick a free one"
     * @return the port itself, or a free one if it was 0
     */
    static int resolve(int port) {
        return requireValid(port) == 0 ? pickFree() : port;
    }
}
