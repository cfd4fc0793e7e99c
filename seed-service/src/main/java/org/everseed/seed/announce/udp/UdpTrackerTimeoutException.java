package org.everseed.seed.announce.udp;

import java.net.InetSocketAddress;

/** A UDP tracker (BEP 15) did not answer a request after every retransmission. */
public final class UdpTrackerTimeoutException extends RuntimeException {

    /**
     * @param tracker the tracker's address
     * @param tries how many times the request was sent
     */
    public UdpTrackerTimeoutException(InetSocketAddress tracker, int tries) {
        super("no answer from UDP tracker " + tracker + " after " + tries + " tries");
    }
}
