package org.everseed.bittorrent.tracker;

/**
 * Peers that can write themselves in compact form (BEP 23: 4 address bytes and a big-endian port;
 * BEP 7: 16 address bytes and a port), one address family at a time, in their order. Lets the hot-path
 * encoders write an announce answer without {@link PeerAddress} or {@link Peer} objects: a tracker's
 * swarm structures implement it over their own storage.
 */
public interface CompactPeers {

    /** How many peers of the family there are: IPv6 when {@code ipv6}, IPv4 otherwise. */
    int count(boolean ipv6);

    /**
     * Writes the peers of one family in compact form into {@code out} from {@code at}: 6 bytes per IPv4
     * peer, 18 per IPv6 peer ({@link PeerAddress#COMPACT_IPV4_LENGTH}, {@link PeerAddress#COMPACT_IPV6_LENGTH}).
     *
     * @return the offset after the last byte written
     * @throws ArrayIndexOutOfBoundsException if {@code out} is too short
     */
    int writeCompact(byte[] out, int at, boolean ipv6);

    /** A view of {@code peers[0, count)} (not copied; the caller keeps the array unchanged while it is used). */
    static CompactPeers of(PeerAddress[] peers, int count) {
        return new CompactPeers() {
            @Override
            public int count(boolean ipv6) {
                int n = 0;
                for (int i = 0; i < count; i++) {
                    n += peers[i].isIpv6() == ipv6 ? 1 : 0;
                }
                return n;
            }

            @Override
            public int writeCompact(byte[] out, int at, boolean ipv6) {
                for (int i = 0; i < count; i++) {
                    if (peers[i].isIpv6() == ipv6) {
                        peers[i].writeCompact(out, at);
                        at += peers[i].compactLength();
                    }
                }
                return at;
            }
        };
    }
}
