package org.everseed.bittorrent.metainfo;

import java.util.Locale;

/**
 * The kind of info dictionary a torrent has: v1 (BEP 3: {@code pieces} of SHA-1), v2 (BEP 52: {@code file tree}
 * with SHA-256 merkle roots, {@code meta version} 2) or hybrid (both in one dictionary, files aligned to pieces
 * by BEP 47 pad files, so v1 and v2 clients share one swarm).
 */
public enum TorrentFormat {
    /** BEP 3 only: understood by every client. */
    V1,
    /** BEP 52 only: SHA-256 merkle trees per file. */
    V2,
    /** BEP 52 hybrid: v1 and v2 fields describing the same bytes. */
    HYBRID;

    /** Whether the info dictionary carries the v1 fields ({@code pieces}, {@code length} or {@code files}). */
    public boolean hasV1() {
        return this != V2;
    }

    /** Whether the info dictionary carries the v2 fields ({@code file tree}, {@code meta version}). */
    public boolean hasV2() {
        return this != V1;
    }

    /** The lower-case name used in configuration and query parameters: {@code v1}, {@code v2}, {@code hybrid}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code text} ({@code v1}, {@code v2} or {@code hybrid}, any case).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static TorrentFormat parse(String text) {
        for (TorrentFormat f : values()) {
            if (f.wireName().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("torrent format must be v1, v2 or hybrid, got '" + text + "'");
    }
}
