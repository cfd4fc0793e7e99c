package org.everseed.bittorrent.tracker.udp;

/** Constants of the UDP tracker protocol (BEP 15). */
public final class UdpTrackerProtocol {
    /** The magic connection id of a connect request ({@code 0x41727101980}). */
    public static final long PROTOCOL_ID = 0x41727101980L;
    /** Action of a connect request and response. */
    public static final int ACTION_CONNECT = 0;
    /** Action of an announce request and response. */
    public static final int ACTION_ANNOUNCE = 1;
    /** Action of a scrape request and response. */
    public static final int ACTION_SCRAPE = 2;
    /** Action of an error response. */
    public static final int ACTION_ERROR = 3;
    /** Bytes of the request header: connection id (8), action (4), transaction id (4). */
    public static final int HEADER_LENGTH = 16;
    /** Bytes of an announce request without BEP 41 options. */
    public static final int ANNOUNCE_LENGTH = 98;
    /** Bytes of one info_hash in a scrape request, and of one entry (3 x int32) in its response: 20, 12. */
    public static final int SCRAPE_HASH_LENGTH = 20;
    /** Bytes of one entry of a scrape response: seeders, completed, leechers. */
    public static final int SCRAPE_ENTRY_LENGTH = 12;
    /** Most info_hashes in one scrape: BEP 15's "up to about 74", so the request fits 1500 bytes. */
    public static final int MAX_SCRAPE_HASHES = 74;
    /** Longest packet read or written: one Ethernet MTU of payload is ample for every packet here. */
    public static final int MAX_PACKET_LENGTH = 1500;
    /** Longest error message written, in bytes; longer ones are cut. */
    public static final int MAX_ERROR_MESSAGE_LENGTH = 200;

    private UdpTrackerProtocol() {
    }
}
