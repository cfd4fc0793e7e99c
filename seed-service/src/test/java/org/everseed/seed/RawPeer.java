package org.everseed.seed;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.peer.Handshake;
import org.everseed.bittorrent.peer.HandshakeCodec;
import org.everseed.bittorrent.peer.PeerMessage;
import org.everseed.bittorrent.peer.PeerMessageDecoder;
import org.everseed.bittorrent.peer.PeerMessageEncoder;
import org.everseed.bittorrent.peer.ReservedBits;

/** A hand-driven peer for tests: raw bytes out, decoded handshakes and messages in, every read timed out. */
final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawPeer(int port, Duration timeout) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void sendHandshake(InfoHash infoHash) throws IOException {
        sendHandshake(infoHash, ReservedBits.NONE);
    }

    void sendHandshake(InfoHash infoHash, ReservedBits reserved) throws IOException {
        send(HandshakeCodec.encode(new Handshake(reserved, infoHash, PeerId.generate("-XX0001-"))));
    }

    void send(PeerMessage message) throws IOException {
        send(PeerMessageEncoder.encode(message));
    }

    Handshake readHandshake() throws IOException {
        byte[] bytes = new byte[Handshake.LENGTH];
        in.readFully(bytes);
        return HandshakeCodec.decode(ByteBuffer.wrap(bytes));
    }

    PeerMessage readMessage(int pieceCount) throws IOException {
        int length = in.readInt();
        byte[] bytes = new byte[4 + length];
        ByteBuffer.wrap(bytes).putInt(length);
        in.readFully(bytes, 4, length);
        return PeerMessageDecoder.forPieces(pieceCount).decode(ByteBuffer.wrap(bytes));
    }

    /** Whether the other side closes the connection before the read timeout (EOF or reset). */
    boolean closedByPeer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
