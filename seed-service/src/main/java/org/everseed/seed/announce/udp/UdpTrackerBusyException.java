package org.everseed.seed.announce.udp;

/**
 * A UDP tracker request was refused locally: {@code udp-max-outstanding} requests await answers and
 * {@code udp-max-queued} more wait for a place already.
 */
public final class UdpTrackerBusyException extends RuntimeException {

    /**
     * @param maxOutstanding the bound on requests awaiting answers
     * @param maxQueued the bound on requests waiting for a place
     */
    public UdpTrackerBusyException(int maxOutstanding, int maxQueued) {
        super(maxOutstanding + " UDP tracker requests await answers and " + maxQueued + " more wait already");
    }
}
