package org.everseed.tracker.swarm;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.everseed.bittorrent.id.InfoHash;
import org.springframework.stereotype.Component;

/**
 * The swarms of all registered torrents, by info_hash. Only registered torrents have a swarm; an
 * announce for any other info_hash is refused. Thread-safe: a {@link ConcurrentHashMap} (lock-striped
 * internally) of swarms that each hold their own lock.
 */
@Component
public class SwarmRegistry {
    private final ConcurrentMap<InfoHash, Swarm> swarms = new ConcurrentHashMap<>();
    private final Clock clock;

    /** @param clock the time source for seederless clocks of new swarms */
    public SwarmRegistry(Clock clock) {
        this.clock = clock;
    }

    /**
     * Registers {@code infoHash} with {@code completed} downloads so far; a second registration keeps the
     * first swarm and its peers. Returns the swarm.
     */
    public Swarm register(InfoHash infoHash, long completed) {
        return swarms.computeIfAbsent(infoHash, h -> new Swarm(h, completed, clock.millis()));
    }

    /** The swarm of {@code infoHash}, if it is registered. */
    public Optional<Swarm> find(InfoHash infoHash) {
        return Optional.ofNullable(swarms.get(infoHash));
    }

    /** Every swarm; a live view, safe to iterate while announces go on. */
    public Collection<Swarm> all() {
        return swarms.values();
    }

    /** How many torrents are registered. */
    public int size() {
        return swarms.size();
    }
}
