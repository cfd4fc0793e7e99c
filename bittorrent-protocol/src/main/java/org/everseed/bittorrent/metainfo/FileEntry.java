package org.everseed.bittorrent.metainfo;

import java.util.List;

/**
 * One file of a torrent (BEP 3): its path below the torrent's name, as UTF-8 components, and its length.
 * In a single-file torrent the one entry's path is {@code [name]}.
 *
 * @param path non-empty list of path components, none empty, {@code .} or {@code ..}, none holding {@code /}
 * @param length length in bytes, not negative
 */
public record FileEntry(List<String> path, long length) {

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

    /** The path joined with {@code /}. */
    public String joinedPath() {
        return String.join("/", path);
    }
}
