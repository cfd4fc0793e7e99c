package org.everseed.bittorrent.metainfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;
import org.everseed.bittorrent.bencode.Span;

/**
 * Reads a v2 {@code file tree} (BEP 52) within {@link MetainfoLimits}: nested dictionaries whose keys are path
 * components; a file is a dictionary holding only the empty key, whose value holds {@code length} and, for a
 * non-empty file, a 32-byte {@code pieces root}. Files come out in key order, the order of the v2 content.
 */
final class FileTreeParser {
    private final MetainfoLimits limits;
    private final Fields info;
    private final List<FileTreeEntry> files = new ArrayList<>();

    private FileTreeParser(Fields info, MetainfoLimits limits) {
        this.info = info;
        this.limits = limits;
    }

    /** The files of {@code info}'s {@code file tree}, in order. */
    static List<FileTreeEntry> parse(Fields info, MetainfoLimits limits) {
        FileTreeParser parser = new FileTreeParser(info, limits);
        BencodeDictionary tree = info.dictionary("file tree");
        if (tree.size() == 0) {
            throw info.error("'file tree' must not be empty", "file tree");
        }
        parser.directory(tree, new ArrayList<>());
        return List.copyOf(parser.files);
    }

    private void directory(BencodeDictionary dir, List<String> path) {
        if (path.size() >= limits.maxPathDepth()) {
            throw info.error("'file tree' deeper than " + limits.maxPathDepth(), "file tree");
        }
        for (Map.Entry<BencodeString, BencodeValue> e : dir.entries().entrySet()) {
            if (e.getKey().length() == 0) {
                throw info.error("'file tree': a directory holds a file entry beside " + String.join("/", path),
                        "file tree");
            }
            String component = component(e.getKey());
            if (!(e.getValue() instanceof BencodeDictionary child) || child.size() == 0) {
                throw info.error("'file tree' entry " + component + " must be a non-empty dictionary", "file tree");
            }
            path.add(component);
            if (child.containsKey("")) {
                file(child, path);
            } else {
                directory(child, path);
            }
            path.removeLast();
        }
    }

    private void file(BencodeDictionary node, List<String> path) {
        String where = "'file tree' " + String.join("/", path);
        if (node.size() != 1) {
            throw info.error(where + ": a file entry must hold only the empty key", "file tree");
        }
        if (files.size() >= limits.maxFiles()) {
            throw info.error("more than " + limits.maxFiles() + " files", "file tree");
        }
        if (!(node.get("").orElseThrow() instanceof BencodeDictionary attributes)) {
            throw info.error(where + ": file attributes must be a dictionary", "file tree");
        }
        long at = node.spanOf("").map(Span::start).map(Integer::longValue).orElse(info.offsetOf("file tree"));
        Fields file = new Fields(attributes, where, at);
        long length = file.integer("length");
        if (length < 0) {
            throw file.error("'length' must not be negative", "length");
        }
        byte[] root = new byte[0];
        if (length > 0) {
            BencodeString rootValue = file.string("pieces root");
            if (rootValue.length() != MerkleTree.HASH_LENGTH) {
                throw file.error("'pieces root' must be 32 bytes, got " + rootValue.length(), "pieces root");
            }
            root = rootValue.bytes();
        }
        files.add(new FileTreeEntry(path, length, root));
    }

    private String component(BencodeString key) {
        if (key.length() > limits.maxPathComponentBytes()) {
            throw info.error("'file tree' component longer than " + limits.maxPathComponentBytes() + " bytes",
                    "file tree");
        }
        String text = info.utf8(key, "file tree");
        String problem = PathRules.problem(text);
        if (problem != null) {
            throw info.error("'file tree': " + problem, "file tree");
        }
        return text;
    }
}
