package org.everseed.bittorrent.metainfo;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;

/**
 * A whole .torrent (BEP 3, BEP 52) together with the exact bytes of its info dictionary and their hashes: the
 * SHA-1 (v1 info_hash) and, for v2 and hybrid torrents, the SHA-256 (v2 info_hash). Made by {@link MetainfoParser} (bytes as received) or {@link #create} (bytes from
 * {@link MetainfoWriter#encodeInfo}); written by {@link MetainfoWriter#write}. Immutable.
 *
 * @param info the parsed info dictionary
 * @param infoBytes the info dictionary's bencoding as received (or as encoded); accessor returns a copy
 * @param infoHash SHA-1 of {@code infoBytes} for v1 and hybrid torrents; for v2-only torrents the truncated v2
 *     info_hash (BEP 52), which stands for the torrent where 20 bytes fit (trackers, handshakes)
 * @param announce the {@code announce} tracker URL, if any
 * @param announceList the {@code announce-list} tiers (BEP 12), empty if absent
 * @param urlList the {@code url-list} web seeds (BEP 19), empty if absent
 * @param creationDate the {@code creation date}, if any
 * @param comment the {@code comment}, if any
 * @param createdBy the {@code created by} program, if any
 * @param infoHashV2 SHA-256 of {@code infoBytes} for v2 and hybrid torrents (BEP 52); empty for v1
 * @param pieceLayers the {@code piece layers} (BEP 52), empty for v1 torrents
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
        Optional<String> createdBy,
        Optional<InfoHashV2> infoHashV2,
        PieceLayers pieceLayers) {

    /** Copies the bytes and lists; checks that the info_hashes are the hashes of {@code infoBytes}. */
    public Metainfo {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(pieceLayers, "pieceLayers");
        infoBytes = infoBytes.clone();
        if (info.format().hasV2()) {
            InfoHashV2 v2 = Digests.infoHashV2(infoBytes);
            if (!infoHashV2.equals(Optional.of(v2))) {
                throw new IllegalArgumentException("infoHashV2 is not the SHA-256 of infoBytes");
            }
            if (!info.format().hasV1() && !infoHash.equals(v2.truncated())) {
                throw new IllegalArgumentException("the info_hash of a v2 torrent is its truncated v2 info_hash");
            }
        } else if (infoHashV2.isPresent() || !pieceLayers.isEmpty()) {
            throw new IllegalArgumentException("a v1 torrent has no v2 info_hash and no piece layers");
        }
        if (info.format().hasV1() && !InfoHash.sha1Of(infoBytes).equals(infoHash)) {
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
        return create(info, PieceLayers.EMPTY, announce, announceList, urlList, creationDate, comment, createdBy);
    }

    /**
     * A new metainfo of any format for {@code info} and its {@code piece layers}: the info bytes are the canonical
     * encoding, the info_hashes their SHA-1 and SHA-256 as the format has them.
     */
    public static Metainfo create(InfoDictionary info, PieceLayers pieceLayers, Optional<String> announce,
            List<List<String>> announceList, List<String> urlList, Optional<Instant> creationDate,
            Optional<String> comment, Optional<String> createdBy) {
        byte[] bytes = MetainfoWriter.encodeInfo(info);
        return of(info, bytes, pieceLayers, announce, announceList, urlList, creationDate, comment, createdBy);
    }

    /** A metainfo whose info_hashes are computed from {@code infoBytes} as {@code info}'s format has them. */
    static Metainfo of(InfoDictionary info, byte[] infoBytes, PieceLayers pieceLayers, Optional<String> announce,
            List<List<String>> announceList, List<String> urlList, Optional<Instant> creationDate,
            Optional<String> comment, Optional<String> createdBy) {
        Optional<InfoHashV2> v2 = info.format().hasV2() ? Optional.of(Digests.infoHashV2(infoBytes)) : Optional.empty();
        InfoHash v1 = info.format().hasV1() ? InfoHash.sha1Of(infoBytes) : v2.orElseThrow().truncated();
        return new Metainfo(info, infoBytes, v1, announce, announceList, urlList, creationDate, comment, createdBy, v2,
                pieceLayers);
    }

    /** The format of the info dictionary: v1, v2 or hybrid. */
    public TorrentFormat format() {
        return info.format();
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
                && createdBy.equals(m.createdBy) && infoHashV2.equals(m.infoHashV2) && pieceLayers.equals(m.pieceLayers);
    }

    @Override
    public int hashCode() {
        return infoHash.hashCode();
    }

    @Override
    public String toString() {
        return "Metainfo[" + infoHash.hex() + " " + info.name() + ", " + info.contentLength() + " bytes, " + info.format().wireName() + "]";
    }
}
