package org.everseed.bittorrent.peer;

/** The one-byte message ids of the peer wire protocol, grouped by the BEP that defines them. */
public final class MessageId {
    // BEP 3
    /** {@code choke}, no payload. */
    public static final int CHOKE = 0;
    /** {@code unchoke}, no payload. */
    public static final int UNCHOKE = 1;
    /** {@code interested}, no payload. */
    public static final int INTERESTED = 2;
    /** {@code not interested}, no payload. */
    public static final int NOT_INTERESTED = 3;
    /** {@code have}: piece index. */
    public static final int HAVE = 4;
    /** {@code bitfield}: one bit per piece. */
    public static final int BITFIELD = 5;
    /** {@code request}: index, begin, length. */
    public static final int REQUEST = 6;
    /** {@code piece}: index, begin, block. */
    public static final int PIECE = 7;
    /** {@code cancel}: index, begin, length. */
    public static final int CANCEL = 8;
    // BEP 5
    /** {@code port}: the DHT listen port, 2 bytes. */
    public static final int PORT = 9;
    // BEP 6
    /** {@code suggest piece}: piece index. */
    public static final int SUGGEST_PIECE = 0x0D;
    /** {@code have all}, no payload. */
    public static final int HAVE_ALL = 0x0E;
    /** {@code have none}, no payload. */
    public static final int HAVE_NONE = 0x0F;
    /** {@code reject request}: index, begin, length. */
    public static final int REJECT_REQUEST = 0x10;
    /** {@code allowed fast}: piece index. */
    public static final int ALLOWED_FAST = 0x11;
    // BEP 10
    /** {@code extended}: extended message id, then its payload. */
    public static final int EXTENDED = 20;
    // BEP 52
    /** {@code hash request}: pieces root, base layer, index, length, proof layers. */
    public static final int HASH_REQUEST = 21;
    /** {@code hashes}: the request's fields, then the hashes and their proof. */
    public static final int HASHES = 22;
    /** {@code hash reject}: the request's fields. */
    public static final int HASH_REJECT = 23;

    private MessageId() {
    }
}
