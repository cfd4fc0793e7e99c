package org.everseed.seed.announce.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.everseed.bittorrent.tracker.udp.UdpRequest;
import org.everseed.bittorrent.tracker.udp.UdpRequestDecoder;

/**
 * A UDP "tracker" a test drives packet by packet: it reads the client's requests (decoded by the protocol
 * library) and sends whatever bytes the test chooses, from its own address or from a second, foreign socket.
 */
final class ScriptedTracker implements AutoCloseable {
    private final DatagramSocket socket;
    private final DatagramSocket foreign;

    /** Binds to an ephemeral port on {@code host} (e.g. 127.0.0.1 or ::1). */
    ScriptedTracker(String host) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0));
        foreign = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0));
    }

    /** The tracker URL, {@code udp://host:port/announce} (IPv6 in brackets). */
    String url() {
        InetAddress a = socket.getLocalAddress();
        String host = a instanceof java.net.Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return "udp://" + host + ":" + socket.getLocalPort() + "/announce";
    }

    /** A request as received, with its sender and the time it arrived. */
    record Received(UdpRequest request, InetSocketAddress from, long atNanos) {
    }

    /** The next request, waiting at most {@code timeout}; fails the test if none comes. */
    Received receive(Duration timeout) throws IOException {
        Received r = poll(timeout);
        assertThat(r).as("a request within " + timeout).isNotNull();
        return r;
    }

    /** The next request within {@code timeout}, or null if none came. */
    Received poll(Duration timeout) throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        long at = System.nanoTime();
        UdpRequest request = UdpRequestDecoder.decode(Arrays.copyOf(buffer, packet.getLength()), packet.getLength());
        return new Received(request, (InetSocketAddress) packet.getSocketAddress(), at);
    }

    /** Sends {@code bytes} to {@code to} from the tracker's address. */
    void send(byte[] bytes, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /** Sends {@code bytes} to {@code to} from another port: not the tracker the client asked. */
    void sendForeign(byte[] bytes, InetSocketAddress to) throws IOException {
        foreign.send(new DatagramPacket(bytes, bytes.length, to));
    }

    @Override
    public void close() {
        socket.close();
        foreign.close();
    }
}
