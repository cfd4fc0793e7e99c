package org.everseed.tracker.swarm;

import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.everseed.bittorrent.id.InfoHash;
import org.springframework.stereotype.Component;

/**
 * The swarms of all registered torrents, by info_hash. Only registered torrents have a swarm; an
 * announce for any other info_hash is refused. A hybrid torrent (BEP 52) is one swarm under two keys:
 * its v1 info_hash and its truncated v2 info_hash, so peers announcing either find each other.
 * Thread-safe: {@link ConcurrentHashMap}s (lock-striped internally) of swarms that each hold their own
 * lock; registering and forgetting are serialised on the registry.
 */
@Component
public class SwarmRegistry {
    private final ConcurrentMap<InfoHash, Swarm> byHash = new ConcurrentHashMap<>();
    private final ConcurrentMap<InfoHash, Swarm> byPrimary = new ConcurrentHashMap<>();
    /** The keys of {@link #byHash} once more, looked up by raw bytes (the UDP announce path). */
    private final SwarmIndex byBytes = new SwarmIndex();
    private final Clock clock;

    /** @param clock the time source for seederless clocks of new swarms */
    public SwarmRegistry(Clock clock) {
        this.clock = clock;
    }

    /** As {@link #register(InfoHash, Optional, long)} without an alias (a v1-only torrent). */
    public Swarm register(InfoHash infoHash, long completed) {
        return register(infoHash, Optional.empty(), completed);
    }

    /**
     * Registers the torrent {@code infoHash} with {@code completed} downloads so far; a second
     * registration keeps the first swarm and its peers. Returns the swarm.
     *
     * @param infoHash the primary key: the v1 info_hash, or the truncated v2 one of a v2-only torrent
     * @param alias the truncated v2 info_hash of a hybrid torrent (BEP 52), the same swarm under another
     *     key; ignored when equal to {@code infoHash} or already taken by another swarm
     */
    public synchronized Swarm register(InfoHash infoHash, Optional<InfoHash> alias, long completed) {
        Swarm swarm = byPrimary.computeIfAbsent(infoHash, h -> new Swarm(h, completed, clock.millis()));
        index(infoHash, swarm);
        alias.ifPresent(a -> index(a, swarm));
        return swarm;
    }

    /**
     * Forgets the torrent whose primary or alias key is {@code infoHash}: its swarm and peers go, and
     * announces for any of its keys are refused from now on. Returns the forgotten swarm, if there was one.
     */
    public synchronized Optional<Swarm> forget(InfoHash infoHash) {
        Swarm swarm = byHash.get(infoHash);
        if (swarm == null) {
            return Optional.empty();
        }
        byPrimary.remove(swarm.infoHash());
        byHash.entrySet().removeIf(e -> {
            if (e.getValue() != swarm) {
                return false;
            }
            byBytes.remove(e.getKey().bytes());
            return true;
        });
        return Optional.of(swarm);
    }

    private void index(InfoHash key, Swarm swarm) {
        if (byHash.putIfAbsent(key, swarm) == null) {
            byBytes.putIfAbsent(key.bytes(), swarm);
        }
    }

    /** The swarm of {@code infoHash} (primary or alias key), if it is registered. */
    public Optional<Swarm> find(InfoHash infoHash) {
        return Optional.ofNullable(byHash.get(infoHash));
    }

    /** The swarm of {@code infoHash}, or null: the allocation-free lookup of the announce path. */
    public Swarm get(InfoHash infoHash) {
        return byHash.get(infoHash);
    }

    /**
     * The swarm whose info_hash (primary or alias key) is the 20 bytes at {@code infoHash[at]}, or null:
     * the lookup of the UDP announce path, in place, without an {@code InfoHash}. Lock-free.
     */
    public Swarm get(byte[] infoHash, int at) {
        return byBytes.get(infoHash, at);
    }

    /** Every swarm once (aliases not repeated); a live view, safe to iterate while announces go on. */
    public Collection<Swarm> all() {
        return Collections.unmodifiableCollection(byPrimary.values());
    }

    /** How many torrents are registered. */
    public int size() {
        return byPrimary.size();
    }
}
