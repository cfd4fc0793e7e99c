package org.everseed.portal.publication;

/** Where a publication is in its life. */
public enum PublicationState {
    /** Stored; the metainfo is being made. */
    UPLOADED,
    /** The .torrent and magnet link exist; the everseed serves it. */
    PUBLISHED,
    /** Unpublished: the file, its .torrent and magnet link are gone. */
    WITHDRAWN
}
