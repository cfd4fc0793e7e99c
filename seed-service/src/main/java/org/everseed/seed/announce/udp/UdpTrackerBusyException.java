package org.everseed.seed.announce.udp;

/** A UDP tracker request was refused locally: {@code udp-max-outstanding} requests already await an answer. */
public final class UdpTrackerBusyException extends RuntimeException {

    /** @param maxOutstanding the bound that was reached */
    public UdpTrackerBusyException(int maxOutstanding) {
        super(maxOutstanding + " UDP tracker requests already await an answer");
    }
}
