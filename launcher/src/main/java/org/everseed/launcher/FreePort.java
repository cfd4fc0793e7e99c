package org.everseed.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks ports that are free right now on the loopback interface, for settings that say 0. */
final class FreePort {

    private FreePort() {
    }

    /**
     * @param port a TCP port, or 0
     * @return the port, or a free TCP port if it was 0
     */
    static int resolve(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on the loopback interface", e);
        }
    }

    /**
     * @param port a UDP port, or 0
     * @return the port, or a free UDP port if it was 0
     */
    static int resolveUdp(int port) {
        if (port != 0) {
            return port;
        }
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free UDP port on the loopback interface", e);
        }
    }
}
