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

/** Reads a v1 info dictionary (BEP 3, BEP 27) within {@link MetainfoLimits}. */
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
        BencodeString pieces = info.string("pieces");
        if (pieces.length() % PieceHashes.HASH_LENGTH != 0) {
            throw info.error("'pieces' length " + pieces.length() + " is not a multiple of 20", "pieces");
        }
        boolean multiFile = info.has("files");
        if (multiFile == info.has("length")) {
            throw info.error("exactly one of 'length' and 'files' is required", "length");
        }
        List<FileEntry> files = multiFile ? files(info, limits) : List.of(new FileEntry(List.of(name), length(info)));
        long total = 0;
        for (FileEntry f : files) {
            if (f.length() > Long.MAX_VALUE - total) {
                throw info.error("total length overflows 64 bits", multiFile ? "files" : "length");
            }
            total += f.length();
        }
        long expected = InfoDictionary.expectedPieceCount(total, pieceLength);
        if (pieces.length() / PieceHashes.HASH_LENGTH != expected) {
            throw info.error("'pieces' holds " + pieces.length() / PieceHashes.HASH_LENGTH + " hashes but "
                    + total + " bytes in pieces of " + pieceLength + " need " + expected, "pieces");
        }
        return new InfoDictionary(name, pieceLength, PieceHashes.wrap(pieces.bytes()), multiFile, files,
                privateFlag(info), info.optionalText("source"));
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
            files.add(new FileEntry(path(file, limits), length(file)));
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
