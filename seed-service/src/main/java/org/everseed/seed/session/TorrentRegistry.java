package org.everseed.seed.session;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.mse.MseHashes;
import org.springframework.stereotype.Component;

/**
 * The torrents served on the peer wire port, by info_hash: the v1 info_hash, and for hybrid torrents also the
 * truncated v2 info_hash (BEP 52: v2 peers name a hybrid torrent by it in the handshake), and by the MSE hash of
 * either (how an encrypted handshake names it). Thread-safe: the event
 * loops read it on every handshake while listeners add torrents.
 */
@Component
public class TorrentRegistry {
    private final ConcurrentHashMap<InfoHash, SeededTorrent> torrents = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InfoHash, InfoHash> aliases = new ConcurrentHashMap<>();
    /** HASH('req2', info_hash) of every name a torrent answers to, for encrypted handshakes (MSE). */
    private final ConcurrentHashMap<ByteBuffer, InfoHash> byReq2 = new ConcurrentHashMap<>();

    /** The torrent with this info_hash (v1, or the truncated v2 one of a hybrid torrent), if served. */
    public Optional<SeededTorrent> find(InfoHash infoHash) {
        SeededTorrent torrent = torrents.get(infoHash);
        if (torrent == null) {
            InfoHash primary = aliases.get(infoHash);
            torrent = primary == null ? null : torrents.get(primary);
        }
        return Optional.ofNullable(torrent);
    }

    /**
     * The served info_hash (v1, or a hybrid's truncated v2) whose MSE HASH('req2', info_hash) is {@code req2}: how an
     * encrypted handshake names its torrent.
     */
    public Optional<InfoHash> findByReq2(byte[] req2) {
        return Optional.ofNullable(byReq2.get(ByteBuffer.wrap(req2)));
    }

    /** Whether a torrent with this info_hash is served. */
    public boolean contains(InfoHash infoHash) {
        return torrents.containsKey(infoHash);
    }

    /**
     * Serves {@code torrent} unless one with its info_hash already is.
     *
     * @return whether it was added
     */
    public boolean add(SeededTorrent torrent) {
        if (torrents.putIfAbsent(torrent.infoHash(), torrent) != null) {
            return false;
        }
        torrent.metainfo().infoHashV2().map(v2 -> v2.truncated()).filter(h -> !h.equals(torrent.infoHash()))
                .ifPresent(h -> {
                    aliases.put(h, torrent.infoHash());
                    byReq2.put(req2(h), h);
                });
        byReq2.put(req2(torrent.infoHash()), torrent.infoHash());
        return true;
    }

    /**
     * Stops serving the torrent; connections to it end on their next message.
     *
     * @return whether it was served
     */
    public boolean remove(InfoHash infoHash) {
        SeededTorrent removed = torrents.remove(infoHash);
        if (removed == null) {
            return false;
        }
        removed.metainfo().infoHashV2().ifPresent(v2 -> {
            if (aliases.remove(v2.truncated(), infoHash)) {
                byReq2.remove(req2(v2.truncated()));
            }
        });
        byReq2.remove(req2(infoHash));
        return true;
    }

    private static ByteBuffer req2(InfoHash infoHash) {
        return ByteBuffer.wrap(MseHashes.req2(infoHash.bytes()));
    }

    /** A snapshot of the served torrents. */
    public Collection<SeededTorrent> all() {
        return List.copyOf(torrents.values());
    }

    /** How many torrents are served. */
    public int size() {
        return torrents.size();
    }
}
