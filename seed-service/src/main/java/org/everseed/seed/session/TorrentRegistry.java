package org.everseed.seed.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.everseed.bittorrent.id.InfoHash;
import org.springframework.stereotype.Component;

/**
 * The torrents served on the peer wire port, by info_hash. Thread-safe: the event loops read it on
 * every handshake while listeners add torrents.
 */
@Component
public class TorrentRegistry {
    private final ConcurrentHashMap<InfoHash, SeededTorrent> torrents = new ConcurrentHashMap<>();

    /** The torrent with this info_hash, if served. */
    public Optional<SeededTorrent> find(InfoHash infoHash) {
        return Optional.ofNullable(torrents.get(infoHash));
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
        return torrents.putIfAbsent(torrent.infoHash(), torrent) == null;
    }

    /**
     * Stops serving the torrent; connections to it end on their next message.
     *
     * @return whether it was served
     */
    public boolean remove(InfoHash infoHash) {
        return torrents.remove(infoHash) != null;
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
