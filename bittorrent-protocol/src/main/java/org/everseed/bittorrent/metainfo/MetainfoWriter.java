package org.everseed.bittorrent.metainfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeEncoder;
import org.everseed.bittorrent.bencode.BencodeList;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;

/**
 * Writes canonical metainfo bytes (BEP 3, BEP 52): keys in raw byte order, absent optional fields left out.
 * The info dictionary is written as the exact bytes the {@link Metainfo} holds, so a parsed torrent
 * written back keeps its info_hash. Stateless and thread-safe.
 */
public final class MetainfoWriter {

    private MetainfoWriter() {
    }

    /**
     * The canonical bencoding of an info dictionary. v1 fields (BEP 3): {@code name}, {@code piece length},
     * {@code pieces}, {@code length} (single-file) or {@code files} (multi-file, pad files with {@code attr} =
     * {@code p}, BEP 47). v2 fields (BEP 52): {@code file tree} (nested dictionaries, each file under the empty
     * key with {@code length} and, when not empty, {@code pieces root}) and {@code meta version} 2. Hybrid
     * dictionaries carry both. {@code private} only when set (BEP 27), {@code source} when present.
     */
    public static byte[] encodeInfo(InfoDictionary info) {
        BencodeDictionary.Builder b = BencodeDictionary.builder()
                .put("name", info.name())
                .put("piece length", info.pieceLength());
        if (info.format().hasV1()) {
            b.put("pieces", info.pieces().concatenated());
            if (info.multiFile()) {
                List<BencodeValue> files = new ArrayList<>(info.files().size());
                for (FileEntry f : info.files()) {
                    BencodeDictionary.Builder file = BencodeDictionary.builder()
                            .put("length", f.length())
                            .put("path", strings(f.path()));
                    if (f.padding()) {
                        file.put("attr", "p");
                    }
                    files.add(file.build());
                }
                b.put("files", new BencodeList(files));
            } else {
                b.put("length", info.files().getFirst().length());
            }
        }
        if (info.format().hasV2()) {
            b.put("file tree", fileTree(info.fileTree(), 0));
            b.put("meta version", 2);
        }
        if (info.privateTorrent()) {
            b.put("private", 1);
        }
        info.source().ifPresent(s -> b.put("source", s));
        return BencodeEncoder.encode(b.build());
    }

    /** The file tree of the entries whose paths share their first {@code depth} components (BEP 52). */
    private static BencodeDictionary fileTree(List<FileTreeEntry> entries, int depth) {
        Map<String, List<FileTreeEntry>> children = new TreeMap<>();
        for (FileTreeEntry e : entries) {
            children.computeIfAbsent(e.path().get(depth), k -> new ArrayList<>()).add(e);
        }
        BencodeDictionary.Builder dir = BencodeDictionary.builder();
        for (Map.Entry<String, List<FileTreeEntry>> child : children.entrySet()) {
            List<FileTreeEntry> below = child.getValue();
            FileTreeEntry first = below.getFirst();
            if (below.size() == 1 && first.path().size() == depth + 1) {
                BencodeDictionary.Builder file = BencodeDictionary.builder().put("length", first.length());
                if (first.length() > 0) {
                    file.put("pieces root", first.piecesRoot());
                }
                dir.put(child.getKey(), BencodeDictionary.builder().put("", file.build()).build());
            } else {
                dir.put(child.getKey(), fileTree(below, depth + 1));
            }
        }
        return dir.build();
    }

    /** The whole .torrent: the top-level fields in canonical order with the info dictionary's own bytes. */
    public static byte[] write(Metainfo m) {
        Map<BencodeString, byte[]> entries = new TreeMap<>();
        m.announce().ifPresent(a -> entries.put(BencodeString.of("announce"), encode(BencodeString.of(a))));
        if (!m.announceList().isEmpty()) {
            List<BencodeValue> tiers = m.announceList().stream().<BencodeValue>map(MetainfoWriter::strings).toList();
            entries.put(BencodeString.of("announce-list"), encode(new BencodeList(tiers)));
        }
        m.comment().ifPresent(c -> entries.put(BencodeString.of("comment"), encode(BencodeString.of(c))));
        m.createdBy().ifPresent(c -> entries.put(BencodeString.of("created by"), encode(BencodeString.of(c))));
        m.creationDate().ifPresent(d -> entries.put(BencodeString.of("creation date"),
                encode(org.everseed.bittorrent.bencode.BencodeInteger.of(d.getEpochSecond()))));
        entries.put(BencodeString.of("info"), m.infoBytes());
        if (!m.pieceLayers().isEmpty()) {
            BencodeDictionary.Builder layers = BencodeDictionary.builder();
            for (Map.Entry<java.nio.ByteBuffer, byte[]> e : m.pieceLayers().entries().entrySet()) {
                byte[] root = new byte[MerkleTree.HASH_LENGTH];
                e.getKey().duplicate().get(root);
                layers.put(BencodeString.of(root), BencodeString.of(e.getValue()));
            }
            entries.put(BencodeString.of("piece layers"), encode(layers.build()));
        }
        if (!m.urlList().isEmpty()) {
            // BEP 19: a single web seed may be a plain string; a list is understood by every client and simpler.
            entries.put(BencodeString.of("url-list"), encode(strings(m.urlList())));
        }
        int size = 2;
        for (Map.Entry<BencodeString, byte[]> e : entries.entrySet()) {
            size += encode(e.getKey()).length + e.getValue().length;
        }
        byte[] out = new byte[size];
        int pos = 0;
        out[pos++] = 'd';
        for (Map.Entry<BencodeString, byte[]> e : entries.entrySet()) {
            byte[] key = encode(e.getKey());
            System.arraycopy(key, 0, out, pos, key.length);
            pos += key.length;
            System.arraycopy(e.getValue(), 0, out, pos, e.getValue().length);
            pos += e.getValue().length;
        }
        out[pos] = 'e';
        return out;
    }

    private static BencodeList strings(List<String> values) {
        return new BencodeList(values.stream().<BencodeValue>map(BencodeString::of).toList());
    }

    private static byte[] encode(BencodeValue value) {
        return BencodeEncoder.encode(value);
    }
}
