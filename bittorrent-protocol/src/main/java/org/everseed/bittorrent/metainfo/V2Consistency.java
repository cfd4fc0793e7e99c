package org.everseed.bittorrent.metainfo;

import java.util.List;

/**
 * Checks that the v1 file list and the v2 file tree of one info dictionary describe the same bytes (BEP 52,
 * hybrid torrents): the same files in the same order with the same lengths once pad files are dropped, and every
 * non-empty file starting on a piece boundary (BEP 47 pad files in between), so that v1 and v2 pieces coincide.
 */
final class V2Consistency {
    private V2Consistency() {
    }

    /** Why the lists disagree, or {@code null} if they agree. */
    static String problem(List<FileEntry> files, List<FileTreeEntry> tree, int pieceLength, TorrentFormat format) {
        if (tree.isEmpty()) {
            return "a v2 torrent needs a non-empty file tree";
        }
        int t = 0;
        long offset = 0;
        for (FileEntry f : files) {
            if (f.padding()) {
                if (format != TorrentFormat.HYBRID) {
                    return "only hybrid torrents have pad files";
                }
                offset += f.length();
                continue;
            }
            if (t >= tree.size()) {
                return "file " + f.joinedPath() + " is not in the file tree";
            }
            FileTreeEntry e = tree.get(t++);
            if (!e.path().equals(f.path()) || e.length() != f.length()) {
                return "file list entry " + f.joinedPath() + " (" + f.length() + " bytes) differs from file tree entry "
                        + String.join("/", e.path()) + " (" + e.length() + " bytes)";
            }
            if (format == TorrentFormat.HYBRID && f.length() > 0 && offset % pieceLength != 0) {
                return "file " + f.joinedPath() + " starts at " + offset + ", not on a piece boundary";
            }
            offset += f.length();
        }
        if (t != tree.size()) {
            return "file tree entry " + String.join("/", tree.get(t).path()) + " is not in the file list";
        }
        return null;
    }
}
