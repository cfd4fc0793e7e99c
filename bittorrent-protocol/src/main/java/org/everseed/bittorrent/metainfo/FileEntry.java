package org.everseed.bittorrent.metainfo;

import java.util.List;

/**
 * One file of a torrent's v1 file list (BEP 3): its path below the torrent's name, as UTF-8 components, its
 * length, and whether it is a pad file (BEP 47 {@code attr} containing {@code p}: zeros that align the next
 * file to a piece boundary, never written to disk). In a single-file torrent the one entry's path is
 * {@code [name]}.
 *
 * @param path non-empty list of path components, none empty, {@code .} or {@code ..}, none holding {@code /}
 * @param length length in bytes, not negative
 * @param padding whether this is a BEP 47 pad file
 */
public record FileEntry(List<String> path, long length, boolean padding) {

    /** Validates and copies the path. */
    public FileEntry {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a file path needs at least one component");
        }
        for (String component : path) {
            PathRules.check(component);
        }
        if (length < 0) {
            throw new IllegalArgumentException("file length must not be negative: " + length);
        }
    }

    /** A regular (non-pad) file. */
    public FileEntry(List<String> path, long length) {
        this(path, length, false);
    }

    /** The BEP 47 pad file of {@code length} zero bytes, named {@code .pad/<length>} as libtorrent names it. */
    public static FileEntry pad(long length) {
        return new FileEntry(List.of(".pad", Long.toString(length)), length, true);
    }

    /** The path joined with {@code /}. */
    public String joinedPath() {
        return String.join("/", path);
    }
}
