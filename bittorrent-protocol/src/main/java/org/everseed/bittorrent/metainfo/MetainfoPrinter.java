package org.everseed.bittorrent.metainfo;

import java.util.HexFormat;

/**
 * A human-readable description of a .torrent, in the manner of {@code btshowmetainfo}: name, info_hash, files
 * and sizes, piece length and count, private flag (BEP 27), source, trackers (BEP 12), web seeds (BEP 19),
 * creation date, comment, created by. Stateless.
 */
public final class MetainfoPrinter {

    private MetainfoPrinter() {
    }

    /** The description, one field per line, ending with a newline. */
    public static String describe(Metainfo m) {
        InfoDictionary info = m.info();
        StringBuilder b = new StringBuilder();
        line(b, "name", info.name());
        line(b, "format", info.format().wireName());
        line(b, "info_hash", m.infoHash().hex());
        m.infoHashV2().ifPresent(v2 -> line(b, "info_hash v2", v2.hex()));
        line(b, "total size", info.contentLength() + " bytes");
        line(b, "piece length", info.pieceLength() + " bytes");
        if (info.format().hasV1()) {
            line(b, "pieces", Integer.toString(info.pieces().count()));
        }
        line(b, "private", info.privateTorrent() ? "yes" : "no");
        info.source().ifPresent(s -> line(b, "source", s));
        if (info.multiFile()) {
            b.append("files:\n");
            for (FileEntry f : info.contentFiles()) {
                b.append("  ").append(f.joinedPath()).append(" (").append(f.length()).append(" bytes)\n");
            }
        }
        m.announce().ifPresent(a -> line(b, "announce", a));
        for (int tier = 0; tier < m.announceList().size(); tier++) {
            line(b, "announce-list tier " + tier, String.join(" ", m.announceList().get(tier)));
        }
        m.urlList().forEach(u -> line(b, "web seed", u));
        m.creationDate().ifPresent(d -> line(b, "creation date", d.toString()));
        m.comment().ifPresent(c -> line(b, "comment", c));
        m.createdBy().ifPresent(c -> line(b, "created by", c));
        if (info.pieces().count() > 0) {
            line(b, "first piece hash", HexFormat.of().formatHex(info.pieces().hash(0)));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append(": ").append(value).append('\n');
    }
}
