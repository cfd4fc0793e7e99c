package org.everseed.bittorrent.metainfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeInteger;
import org.everseed.bittorrent.bencode.BencodeList;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;
import org.everseed.bittorrent.bencode.Span;

/**
 * Reads an info dictionary within {@link MetainfoLimits}: v1 (BEP 3, BEP 27, BEP 47 pad files), v2 ({@code meta
 * version} 2 and a {@code file tree}, BEP 52) or hybrid (both, the v1 and v2 file lists agreeing).
 */
final class InfoParser {

    private InfoParser() {
    }

    static InfoDictionary parse(Fields info, MetainfoLimits limits) {
        String name = component(info, info.string("name"), "name", limits);
        long pieceLengthValue = info.integer("piece length");
        if (pieceLengthValue <= 0 || pieceLengthValue > limits.maxPieceLength()) {
            throw info.error("'piece length' must be between 1 and " + limits.maxPieceLength() + ", got "
                    + pieceLengthValue, "piece length");
        }
        int pieceLength = (int) pieceLengthValue;
        TorrentFormat format = format(info);
        List<FileTreeEntry> tree = List.of();
        if (format.hasV2()) {
            if (Integer.bitCount(pieceLength) != 1 || pieceLength < PieceLength.MIN) {
                throw info.error("a v2 'piece length' must be a power of two of at least " + PieceLength.MIN,
                        "piece length");
            }
            tree = FileTreeParser.parse(info, limits);
        }
        boolean multiFile;
        List<FileEntry> files;
        PieceHashes hashes = PieceHashes.wrap(new byte[0]);
        if (format.hasV1()) {
            multiFile = info.has("files");
            if (multiFile == info.has("length")) {
                throw info.error("exactly one of 'length' and 'files' is required", "length");
            }
            files = multiFile ? files(info, limits) : List.of(new FileEntry(List.of(name), length(info)));
            hashes = pieces(info, files, pieceLength);
        } else {
            multiFile = tree.size() != 1 || tree.getFirst().path().size() != 1;
            files = tree.stream().map(FileTreeEntry::asFileEntry).toList();
            if (!multiFile && !tree.getFirst().path().getFirst().equals(name)) {
                throw info.error("the single file of the 'file tree' must be named like the torrent", "file tree");
            }
        }
        if (format.hasV2()) {
            String problem = V2Consistency.problem(files, tree, pieceLength, format);
            if (problem != null) {
                throw info.error(problem, "file tree");
            }
        }
        return new InfoDictionary(name, pieceLength, hashes, multiFile, files, privateFlag(info),
                info.optionalText("source"), format, tree);
    }

    /** BEP 52: {@code meta version} 2 with a {@code file tree} is v2, hybrid if {@code pieces} is there too. */
    private static TorrentFormat format(Fields info) {
        if (!info.has("meta version")) {
            if (info.has("file tree")) {
                throw info.error("'file tree' without 'meta version'", "file tree");
            }
            return TorrentFormat.V1;
        }
        long version = info.integer("meta version");
        if (version != 2) {
            throw info.error("unsupported 'meta version' " + version + " (only 2 is known)", "meta version");
        }
        return info.has("pieces") ? TorrentFormat.HYBRID : TorrentFormat.V2;
    }

    private static PieceHashes pieces(Fields info, List<FileEntry> files, int pieceLength) {
        BencodeString pieces = info.string("pieces");
        if (pieces.length() % PieceHashes.HASH_LENGTH != 0) {
            throw info.error("'pieces' length " + pieces.length() + " is not a multiple of 20", "pieces");
        }
        long total = 0;
        for (FileEntry f : files) {
            if (f.length() > Long.MAX_VALUE - total) {
                throw info.error("total length overflows 64 bits", info.has("files") ? "files" : "length");
            }
            total += f.length();
        }
        long expected = InfoDictionary.expectedPieceCount(total, pieceLength);
        if (pieces.length() / PieceHashes.HASH_LENGTH != expected) {
            throw info.error("'pieces' holds " + pieces.length() / PieceHashes.HASH_LENGTH + " hashes but "
                    + total + " bytes in pieces of " + pieceLength + " need " + expected, "pieces");
        }
        return PieceHashes.wrap(pieces.bytes());
    }

    private static long length(Fields fields) {
        long length = fields.integer("length");
        if (length < 0) {
            throw fields.error("'length' must not be negative", "length");
        }
        return length;
    }

    private static List<FileEntry> files(Fields info, MetainfoLimits limits) {
        BencodeList list = info.list("files");
        long listOffset = info.offsetOf("files");
        if (list.size() == 0) {
            throw info.error("'files' must not be empty", "files");
        }
        if (list.size() > limits.maxFiles()) {
            throw info.error("more than " + limits.maxFiles() + " files", "files");
        }
        List<FileEntry> files = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof BencodeDictionary d)) {
                throw info.error("each 'files' entry must be a dictionary", "files");
            }
            Fields file = new Fields(d, "files[" + i + "]", firstOffset(d, listOffset));
            files.add(new FileEntry(path(file, limits), length(file), padding(file)));
        }
        return files;
    }

    private static List<String> path(Fields file, MetainfoLimits limits) {
        BencodeList path = file.list("path");
        if (path.size() == 0) {
            throw file.error("'path' must not be empty", "path");
        }
        if (path.size() > limits.maxPathDepth()) {
            throw file.error("'path' deeper than " + limits.maxPathDepth(), "path");
        }
        List<String> components = new ArrayList<>(path.size());
        for (BencodeValue v : path.values()) {
            if (!(v instanceof BencodeString s)) {
                throw file.error("'path' components must be strings", "path");
            }
            components.add(component(file, s, "path", limits));
        }
        return components;
    }

    private static String component(Fields fields, BencodeString raw, String key, MetainfoLimits limits) {
        if (raw.length() > limits.maxPathComponentBytes()) {
            throw fields.error("'" + key + "' component longer than " + limits.maxPathComponentBytes() + " bytes", key);
        }
        String text = fields.utf8(raw, key);
        String problem = PathRules.problem(text);
        if (problem != null) {
            throw fields.error("'" + key + "': " + problem, key);
        }
        return text;
    }

    /** BEP 47: {@code attr} is a string of flags; {@code p} marks a pad file. */
    private static boolean padding(Fields file) {
        return file.has("attr") && file.text("attr").indexOf('p') >= 0;
    }

    /** BEP 27: {@code private} is 1 (private) or 0 (public); absent means public. */
    private static boolean privateFlag(Fields info) {
        Optional<BencodeValue> value = info.optional("private");
        if (value.isEmpty()) {
            return false;
        }
        if (value.get() instanceof BencodeInteger(long flag) && (flag == 0 || flag == 1)) {
            return flag == 1;
        }
        throw info.error("'private' must be 0 or 1", "private");
    }

    /** The smallest value offset in {@code d}, or {@code fallback}: roughly where the dictionary stands. */
    private static long firstOffset(BencodeDictionary d, long fallback) {
        long first = Long.MAX_VALUE;
        for (BencodeString key : d.entries().keySet()) {
            Optional<Span> span = d.spanOf(new String(key.bytes(), StandardCharsets.UTF_8));
            if (span.isPresent()) {
                first = Math.min(first, span.get().start());
            }
        }
        return first == Long.MAX_VALUE ? fallback : first;
    }
}
