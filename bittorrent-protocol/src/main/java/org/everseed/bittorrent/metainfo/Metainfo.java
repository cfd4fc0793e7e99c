package org.everseed.bittorrent.metainfo;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;

/**
 * A whole .torrent (BEP 3) together with the exact bytes of its info dictionary and their SHA-1, the
 * v1 info_hash. Made by {@link MetainfoParser} (bytes as received) or {@link #create} (bytes from
 * {@link MetainfoWriter#encodeInfo}); written by {@link MetainfoWriter#write}. Immutable.
 *
 * @param info the parsed info dictionary
 * @param infoBytes the info dictionary's bencoding as received (or as encoded); accessor returns a copy
 * @param infoHash SHA-1 of {@code infoBytes}
 * @param announce the {@code announce} tracker URL, if any
 * @param announceList the {@code announce-list} tiers (BEP 12), empty if absent
 * @param urlList the {@code url-list} web seeds (BEP 19), empty if absent
 * @param creationDate the {@code creation date}, if any
 * @param comment the {@code comment}, if any
 * @param createdBy the {@code created by} program, if any
 */
public record Metainfo(
        InfoDictionary info,
        byte[] infoBytes,
        InfoHash infoHash,
        Optional<String> announce,
        List<List<String>> announceList,
        List<String> urlList,
        Optional<Instant> creationDate,
        Optional<String> comment,
        Optional<String> createdBy) {

    /** Copies the bytes and lists; checks that {@code infoHash} is the SHA-1 of {@code infoBytes}. */
    public Metainfo {
        Objects.requireNonNull(info, "info");
        infoBytes = infoBytes.clone();
        if (!InfoHash.sha1Of(infoBytes).equals(infoHash)) {
            throw new IllegalArgumentException("infoHash is not the SHA-1 of infoBytes");
        }
        announceList = announceList.stream().map(List::copyOf).toList();
        urlList = List.copyOf(urlList);
    }

    /**
     * A new metainfo for {@code info}: its bytes are the canonical encoding
     * ({@link MetainfoWriter#encodeInfo}) and its info_hash their SHA-1.
     */
    public static Metainfo create(InfoDictionary info, Optional<String> announce, List<List<String>> announceList,
            List<String> urlList, Optional<Instant> creationDate, Optional<String> comment, Optional<String> createdBy) {
        byte[] bytes = MetainfoWriter.encodeInfo(info);
        return new Metainfo(info, bytes, InfoHash.sha1Of(bytes), announce, announceList, urlList, creationDate,
                comment, createdBy);
    }

    /** A copy of the info dictionary's bytes. */
    @Override
    public byte[] infoBytes() {
        return infoBytes.clone();
    }

    /** Every tracker URL: the {@code announce-list} tiers flattened if present (BEP 12), else {@code announce}. */
    public List<String> trackers() {
        if (!announceList.isEmpty()) {
            return announceList.stream().flatMap(List::stream).distinct().toList();
        }
        return announce.map(List::of).orElse(List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metainfo m && info.equals(m.info) && Arrays.equals(infoBytes, m.infoBytes)
                && infoHash.equals(m.infoHash) && announce.equals(m.announce) && announceList.equals(m.announceList)
                && urlList.equals(m.urlList) && creationDate.equals(m.creationDate) && comment.equals(m.comment)
                && createdBy.equals(m.createdBy);
    }

    @Override
    public int hashCode() {
        return infoHash.hashCode();
    }

    @Override
    public String toString() {
        return "Metainfo[" + infoHash.hex() + " " + info.name() + ", " + info.totalLength() + " bytes]";
    }
}
