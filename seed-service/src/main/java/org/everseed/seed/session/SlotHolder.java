package org.everseed.seed.session;

/**
 * A peer connection as seen by {@link UploadSlots}. Implementations must not block: they hand the
 * choke or unchoke to the connection's own thread.
 */
public interface SlotHolder {

    /** The peer got an upload slot: send {@code unchoke} (BEP 3). */
    void unchoke();

    /** The peer lost its upload slot: send {@code choke} and drop its queued requests (BEP 3). */
    void choke();
}
