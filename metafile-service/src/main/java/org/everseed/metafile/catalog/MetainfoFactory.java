package org.everseed.metafile.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.magnet.MagnetUri;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.PieceHashes;
import org.everseed.bittorrent.metainfo.PieceLength;
import org.everseed.events.FileUploaded;
import org.everseed.metafile.config.MetafileProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the v1 single-file metainfo of a publication (BEP 3): {@code announce} = our tracker,
 * {@code url-list} = the file's public URL (BEP 19 web seed), {@code created by}, {@code creation date};
 * and its magnet link (BEP 9) with {@code xt}, {@code dn}, {@code tr} and {@code ws}.
 */
@Component
public class MetainfoFactory {
    private final PublicLinks links;
    private final String createdBy;

    /** @param links public URLs; @param properties the service settings */
    public MetainfoFactory(PublicLinks links, MetafileProperties properties) {
        this.links = links;
        this.createdBy = properties.createdBy();
    }

    /**
     * The piece length for {@code event}: the requested one, else automatic ({@link PieceLength#automatic}).
     *
     * @throws IllegalArgumentException if the requested length is not a power of two from 16 KiB to 16 MiB
     */
    public int pieceLength(FileUploaded event) {
        return event.pieceLength() != null ? PieceLength.requireValid(event.pieceLength()) : PieceLength.automatic(event.size());
    }

    /**
     * The metainfo of {@code event}'s file with these piece hashes.
     *
     * @throws IllegalArgumentException if the name is not a safe single path component
     */
    public Metainfo metainfo(FileUploaded event, int pieceLength, PieceHashes pieces, Instant creationDate) {
        InfoDictionary info = InfoDictionary.singleFile(event.name(), event.size(), pieceLength, pieces, false,
                Optional.empty());
        return Metainfo.create(info, Optional.of(links.announce()), List.of(), List.of(event.fileUrl()),
                Optional.of(creationDate), Optional.empty(), Optional.of(createdBy));
    }

    /** The magnet link of {@code metainfo}: {@code xt=urn:btih}, {@code dn}, {@code tr}, {@code ws}. */
    public MagnetUri magnet(Metainfo metainfo) {
        return MagnetUri.of(metainfo.infoHash(), metainfo.info().name(), metainfo.trackers(), metainfo.urlList());
    }
}
