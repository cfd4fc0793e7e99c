import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.udp.UdpRequestEncoder;
import org.everseed.bittorrent.tracker.udp.UdpTrackerProtocol;

/**
 * A BEP 15 announce load generator, loopback only, bounded in time: each thread owns one UDP socket,
 * connects (and reconnects every 60 s, as BEP 15 asks), then keeps {@code window} announces in flight:
 * one of {@link #PEERS} peers at random re-announces to its torrent (peer_id and port fixed per peer,
 * every other one a seeder), numwant 50. Every announce answer received counts; a window without an
 * answer for 200 ms is refilled (loss). Prints answers per second.
 *
 * <p>Usage: UdpLoad hashes.txt port seconds threads window
 */
public final class UdpLoad {
    /** Distinct peers re-announcing: peer number n announces to torrent n modulo the torrent count. */
    static final int PEERS = 200_000;

    public static void main(String[] args) throws Exception {
        List<InfoHash> hashes = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank())
                .map(s -> InfoHash.fromHex(s.strip())).toList();
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only");
        }
        long seconds = Math.min(Long.parseLong(args[2]), 120);
        int threads = Integer.parseInt(args[3]);
        int window = Integer.parseInt(args[4]);
        LongAdder answers = new LongAdder();
        LongAdder errors = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> run(hashes, target, end, window, answers, errors));
            workers[t].start();
        }
        long start = System.nanoTime();
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("udp answers %d errors %d in %.1f s: %.0f req/s%n", answers.sum(), errors.sum(), elapsed,
                answers.sum() / elapsed);
    }

    private static void run(List<InfoHash> hashes, InetSocketAddress target, long end, int window, LongAdder answers,
                            LongAdder errors) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(target);
            socket.setSoTimeout(200);
            byte[] buffer = new byte[65536];
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            long connectionId = 0;
            long connectedAt = -120_000_000_000L;
            while (System.nanoTime() < end) {
                if (System.nanoTime() - connectedAt > 60_000_000_000L) {
                    send(socket, UdpRequestEncoder.connect(1));
                    if (receive(socket, in) < 16 || ByteBuffer.wrap(buffer).getInt(0) != UdpTrackerProtocol.ACTION_CONNECT) {
                        continue;
                    }
                    connectionId = ByteBuffer.wrap(buffer).getLong(8);
                    connectedAt = System.nanoTime();
                }
                for (int i = 0; i < window; i++) {
                    send(socket, announce(hashes, connectionId, random));
                }
                while (System.nanoTime() < end) {
                    int n = receive(socket, in);
                    if (n < 0) {
                        break; // every answer of the window lost or late: refill it
                    }
                    if (n >= 8 && ByteBuffer.wrap(buffer).getInt(0) == UdpTrackerProtocol.ACTION_ANNOUNCE) {
                        answers.increment();
                    } else {
                        errors.increment();
                    }
                    send(socket, announce(hashes, connectionId, random));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(DatagramSocket socket, byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length));
    }

    private static int receive(DatagramSocket socket, DatagramPacket packet) throws IOException {
        try {
            packet.setLength(packet.getData().length);
            socket.receive(packet);
            return packet.getLength();
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    /** A re-announce of one of {@link #PEERS} peers (peer_id and port derived from its number). */
    private static byte[] announce(List<InfoHash> hashes, long connectionId, ThreadLocalRandom random) {
        int n = random.nextInt(PEERS);
        byte[] id = new byte[20];
        ByteBuffer.wrap(id).putLong(0x2d42454e43482dL).putLong(12, n);
        AnnounceRequest r = AnnounceRequest.of(hashes.get(n % hashes.size()), PeerId.of(id), 1024 + n % 60000, 0, 0,
                n % 2 == 0 ? 0 : 1000, AnnounceEvent.NONE).withNumWant(50);
        return UdpRequestEncoder.announce(connectionId, random.nextInt(), r, n);
    }
}
