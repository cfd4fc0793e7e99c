package org.everseed.metafile.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everseed.bittorrent.magnet.MagnetUri;
import org.everseed.bittorrent.metainfo.ContentHashes;
import org.everseed.bittorrent.metainfo.ContentLayout;
import org.everseed.bittorrent.metainfo.FileEntry;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.PieceLength;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.everseed.events.FileUploaded;
import org.everseed.metafile.config.MetafileProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the metainfo of a publication in the format it asks for (else the deployment's default): v1 (BEP 3), v2
 * or hybrid (BEP 52). {@code announce} = our HTTP tracker; {@code announce-list} (BEP 12) = the HTTP tracker, then
 * the UDP tracker (BEP 15) when configured; {@code url-list} = the file's public URL (BEP 19 web seed; for v2 the
 * URL of its directory, see {@link #webSeed});
 * {@code created by}, {@code creation date}, {@code comment} when configured. The magnet link (BEP 9) carries
 * {@code xt=urn:btih} for v1 and hybrid, {@code xt=urn:btmh} for v2 and hybrid, {@code dn}, {@code tr}, {@code ws}.
 */
@Component
public class MetainfoFactory {
    private final PublicLinks links;
    private final MetafileProperties properties;

    /** @param links public URLs; @param properties the service settings */
    public MetainfoFactory(PublicLinks links, MetafileProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    /**
     * The piece length for {@code event}: the requested one, else automatic ({@link PieceLength#automatic}).
     *
     * @throws IllegalArgumentException if the requested length is not a power of two from 16 KiB to 16 MiB
     */
    public int pieceLength(FileUploaded event) {
        return event.pieceLength() != null ? PieceLength.requireValid(event.pieceLength()) : PieceLength.automatic(event.size());
    }

    /** The format for {@code event}: the requested one, else {@code everseed.metafile.default-format}. */
    public TorrentFormat format(FileUploaded event) {
        return event.format() != null ? TorrentFormat.parse(event.format()) : properties.defaultFormat();
    }

    /**
     * The layout of {@code event}'s content: its single file, or for a multi-file publication ({@code files}) the
     * directory {@code name} with those files.
     *
     * @throws IllegalArgumentException if a name or path is unsafe, a path is given twice, or the piece length is
     *     invalid
     */
    public ContentLayout layout(FileUploaded event) {
        if (event.files() == null) {
            return ContentLayout.singleFile(format(event), event.name(), event.size(), pieceLength(event));
        }
        List<FileEntry> entries = event.files().stream().map(f -> new FileEntry(f.path(), f.size())).toList();
        return ContentLayout.multiFile(format(event), event.name(), entries, pieceLength(event));
    }

    /** The blob key of each file of {@code layout}, in the layout's order. */
    public List<String> blobKeys(FileUploaded event, ContentLayout layout) {
        if (event.files() == null) {
            return List.of(event.blobKey());
        }
        Map<List<String>, String> byPath = new HashMap<>();
        event.files().forEach(f -> byPath.put(f.path(), f.blobKey()));
        return layout.files().stream().map(f -> byPath.get(f.path())).toList();
    }

    /** The metainfo of {@code event}'s file with these hashes. */
    public Metainfo metainfo(FileUploaded event, ContentHashes hashes, Instant creationDate) {
        List<List<String>> tiers = new ArrayList<>();
        tiers.add(List.of(links.announce()));
        properties.udpTracker().ifPresent(udp -> tiers.add(List.of(udp)));
        return Metainfo.create(hashes.infoDictionary(false, Optional.empty()), hashes.pieceLayers(),
                Optional.of(links.announce()), tiers.size() > 1 ? tiers : List.of(), List.of(webSeed(event)),
                Optional.of(creationDate), properties.torrentComment(), Optional.of(properties.createdBy()));
    }

    /**
     * The web seed (BEP 19) of {@code event}'s file: its URL; for v2-only torrents the URL of its directory (ending
     * in {@code /}), to which clients append the torrent's name, because libtorrent 2.0 treats the web seed of a v2
     * torrent as a directory even for a single file (docs/clients.md).
     */
    String webSeed(FileUploaded event) {
        String url = event.fileUrl();
        if (event.files() != null) {
            return url;
        }
        int slash = url.lastIndexOf('/');
        return format(event) == TorrentFormat.V2 && slash > 0 && slash < url.length() - 1 ? url.substring(0, slash + 1) : url;
    }

    /** The magnet link of {@code metainfo}: {@code xt=urn:btih} and/or {@code xt=urn:btmh}, {@code dn}, {@code tr}, {@code ws}. */
    public MagnetUri magnet(Metainfo metainfo) {
        return new MagnetUri(metainfo.format().hasV1() ? Optional.of(metainfo.infoHash()) : Optional.empty(),
                metainfo.infoHashV2(), Optional.of(metainfo.info().name()), metainfo.trackers(), metainfo.urlList());
    }
}
