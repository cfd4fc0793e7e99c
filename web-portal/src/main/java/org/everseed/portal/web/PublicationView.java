package org.everseed.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.everseed.portal.publication.Publication;
import org.everseed.portal.publication.PublicationFile;
import org.everseed.portal.publication.PublicationLinks;
import org.everseed.portal.publication.PublicationState;

/**
 * A publication as the REST API shows it.
 *
 * @param id publication id
 * @param name file name
 * @param size length in bytes
 * @param sha256 SHA-256 of the content, hex
 * @param state UPLOADED until the torrent exists, then PUBLISHED; WITHDRAWN once unpublished
 * @param infoHash v1 info_hash in hex, null until PUBLISHED
 * @param infoHashV2 v2 info_hash in hex for v2 and hybrid torrents, else null
 * @param torrentUrl URL of the .torrent, null until PUBLISHED
 * @param magnetUri magnet link, null until PUBLISHED
 * @param fileUrl plain HTTP URL of the file (Range requests supported)
 * @param pageUrl the publication's portal page
 * @param seeders seeders last reported by the tracker
 * @param leechers leechers last reported by the tracker
 * @param completed completed downloads last reported by the tracker
 * @param createdAt when the upload completed
 * @param files the files of a multi-file publication (path, size, sha256, url); null for a single file or in lists
 */
public record PublicationView(
        UUID id, String name, long size, String sha256, PublicationState state, String infoHash, String infoHashV2, String torrentUrl,
        String magnetUri, String fileUrl, String pageUrl, int seeders, int leechers, long completed, Instant createdAt,
        List<FileView> files) {

    /** The view of {@code p} without its file list. */
    public static PublicationView of(Publication p, PublicationLinks links) {
        return of(p, List.of(), links);
    }

    /** The view of {@code p} with {@code files}, the files of a multi-file publication (empty for one file). */
    public static PublicationView of(Publication p, List<PublicationFile> files, PublicationLinks links) {
        List<FileView> fileViews = files.isEmpty() ? null : files.stream()
                .map(f -> new FileView(f.joinedPath(), f.size(), f.sha256(), links.fileUrl(p, f))).toList();
        return new PublicationView(p.id(), p.name(), p.size(), p.sha256(), p.state(), p.infoHash(), p.infoHashV2(),
                p.torrentUrl(), p.magnetUri(), links.fileUrl(p, !files.isEmpty()), links.pageUrl(p), p.seeders(),
                p.leechers(), p.completed(), p.createdAt(), fileViews);
    }

    /**
     * One file of a multi-file publication.
     *
     * @param path its path below the publication's directory
     * @param size length in bytes
     * @param sha256 SHA-256, hex
     * @param url its plain HTTP URL
     */
    public record FileView(String path, long size, String sha256, String url) {
    }
}
