package org.everseed.tracker;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;
import org.everseed.bittorrent.tracker.udp.UdpResponse;
import org.everseed.bittorrent.tracker.udp.UdpResponseDecoder;

/**
 * A BEP 15 client socket for tests: every receive waits at most {@code timeoutMillis}. Announce answers
 * are decoded with the peers of the socket's family (18-byte IPv6 peers over IPv6).
 */
final class UdpClient implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress tracker;

    UdpClient(int port, int timeoutMillis) throws IOException {
        this("127.0.0.1", port, timeoutMillis);
    }

    /** A client on the loopback address {@code host} ({@code 127.0.0.1} or {@code ::1}) of the tracker's port. */
    UdpClient(String host, int port, int timeoutMillis) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(host, 0));
        this.socket.setSoTimeout(timeoutMillis);
        this.tracker = new InetSocketAddress(host, port);
    }

    /** Sends {@code packet} and returns the decoded answer, or empty if none came within the timeout. */
    Optional<UdpResponse> exchange(byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, tracker));
        byte[] buffer = new byte[65536];
        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(in);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(UdpResponseDecoder.decode(Arrays.copyOf(buffer, in.getLength()), in.getLength(),
                tracker.getAddress().getAddress().length == 16));
    }

    @Override
    public void close() {
        socket.close();
    }
}
