package org.everseed.bittorrent.metainfo;

/**
 * Bounds that a parsed .torrent must stay within, so that a hostile file costs bounded memory and time.
 * Immutable; {@link #DEFAULT} holds the named defaults.
 *
 * @param maxMetainfoBytes largest .torrent accepted, in bytes (default {@link #MAX_METAINFO_BYTES})
 * @param maxFiles most entries in a multi-file {@code files} list (default {@link #MAX_FILES})
 * @param maxPathDepth most components in one file {@code path} (default {@link #MAX_PATH_DEPTH})
 * @param maxPathComponentBytes longest name or path component, in UTF-8 bytes (default {@link #MAX_PATH_COMPONENT_BYTES})
 * @param maxPieceLength largest {@code piece length}, in bytes (default {@link #MAX_PIECE_LENGTH})
 * @param maxTrackers most announce URLs in all {@code announce-list} tiers together (default {@link #MAX_TRACKERS})
 * @param maxWebSeeds most {@code url-list} entries (default {@link #MAX_WEB_SEEDS})
 */
public record MetainfoLimits(
        int maxMetainfoBytes,
        int maxFiles,
        int maxPathDepth,
        int maxPathComponentBytes,
        int maxPieceLength,
        int maxTrackers,
        int maxWebSeeds) {
    /** 16 MiB: more than any real .torrent needs (a 1 TiB torrent with 1 MiB pieces has 20 MiB of hashes, so such needs bigger pieces). */
    public static final int MAX_METAINFO_BYTES = 16 * 1024 * 1024;
    /** 100,000 files in one torrent. */
    public static final int MAX_FILES = 100_000;
    /** 64 directory levels in one path. */
    public static final int MAX_PATH_DEPTH = 64;
    /** 255 bytes per name or path component, the common file-system limit. */
    public static final int MAX_PATH_COMPONENT_BYTES = 255;
    /** 256 MiB per piece; BEP 52 clients and libtorrent refuse larger. */
    public static final int MAX_PIECE_LENGTH = 256 * 1024 * 1024;
    /** 256 tracker URLs. */
    public static final int MAX_TRACKERS = 256;
    /** 256 web seeds. */
    public static final int MAX_WEB_SEEDS = 256;

    /** The named defaults. */
    public static final MetainfoLimits DEFAULT = new MetainfoLimits(MAX_METAINFO_BYTES, MAX_FILES, MAX_PATH_DEPTH,
            MAX_PATH_COMPONENT_BYTES, MAX_PIECE_LENGTH, MAX_TRACKERS, MAX_WEB_SEEDS);

    /** Checks that every bound is positive. */
    public MetainfoLimits {
        if (maxMetainfoBytes <= 0 || maxFiles <= 0 || maxPathDepth <= 0 || maxPathComponentBytes <= 0
                || maxPieceLength <= 0 || maxTrackers <= 0 || maxWebSeeds <= 0) {
            throw new IllegalArgumentException("every metainfo limit must be positive");
        }
    }
}
