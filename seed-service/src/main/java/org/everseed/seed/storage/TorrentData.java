package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.Optional;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.everseed.bittorrent.metainfo.FileTreeEntry;
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.TorrentFormat;

/**
 * The stored files of a seeded torrent (one blob per content file, laid out by {@link StorageLayout}: single- or
 * multi-file, v1, v2 or hybrid), verified lazily: their lengths are checked when loaded, and each piece is hashed
 * (SHA-1 over the v1 piece with its pad-file zeros, BEP 3 and BEP 47; for v2-only torrents the SHA-256 merkle root of
 * its blocks against its file's piece layer, BEP 52) on the verification pool the first time a peer asks for it; the
 * result is cached, so a piece is read for hashing at most once while served. A piece whose hash does not match is
 * never sent: the mismatch means a file changed, so the whole torrent is reported broken ({@link DataProblem}) to the
 * listener given at load time, once. Thread-safe.
 */
public final class TorrentData {
    private static final CompletableFuture<Boolean> YES = CompletableFuture.completedFuture(true);
    private static final CompletableFuture<Boolean> NO = CompletableFuture.completedFuture(false);

    private final FileHandles files;
    private final List<String> blobKeys;
    private final InfoDictionary info;
    private final Metainfo metainfo;
    private final StorageLayout layout;
    private final int pieceCount;
    private final Executor ahead;
    private final AtomicBoolean aheadStarted = new AtomicBoolean();
    private final AtomicReferenceArray<Optional<MerkleHashes>> merkle;
    private volatile Map<ByteBuffer, Integer> fileByRoot;
    private final List<FileFingerprint> fingerprints;
    private final Executor verification;
    private final Consumer<DataProblem> onProblem;
    private final AtomicLongArray verified;
    private final AtomicInteger verifiedCount = new AtomicInteger();
    private final ConcurrentHashMap<Integer, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private final AtomicReference<DataProblem> problem = new AtomicReference<>();

    /**
     * The data of a torrent of any format (v1, v2 or hybrid), single- or multi-file.
     *
     * @param files the shared open files
     * @param blobKeys the blob of each content file, in the order of {@link InfoDictionary#contentFiles()}, each as
     *     long as its file
     * @param metainfo the torrent (piece length, hashes, piece layers)
     * @param fingerprints each blob's fingerprint when loaded, in the same order
     * @param verification where pieces are hashed (blocking reads)
     * @param ahead where {@link #verifyAhead()} hashes the whole content in order, or {@code null} for never
     * @param onProblem told once when a file turns out missing or changed
     * @throws IllegalArgumentException if there is not one blob key and one fingerprint per content file
     */
    public TorrentData(FileHandles files, List<String> blobKeys, Metainfo metainfo, List<FileFingerprint> fingerprints,
            Executor verification, Executor ahead, Consumer<DataProblem> onProblem) {
        this.ahead = ahead;
        this.files = files;
        this.blobKeys = List.copyOf(blobKeys);
        this.info = metainfo.info();
        this.metainfo = metainfo;
        this.layout = StorageLayout.of(info);
        if (this.blobKeys.size() != layout.fileCount() || fingerprints.size() != layout.fileCount()) {
            throw new IllegalArgumentException(layout.fileCount() + " content files, " + blobKeys.size() + " blobs and "
                    + fingerprints.size() + " fingerprints");
        }
        this.pieceCount = layout.pieceCount();
        this.fingerprints = List.copyOf(fingerprints);
        this.verification = verification;
        this.onProblem = onProblem;
        this.verified = new AtomicLongArray((pieceCount + 63) / 64);
        this.merkle = new AtomicReferenceArray<>(layout.fileCount());
    }

    /**
     * The content files, opened as used (leases on the shared handles); close it when done. Never blocks until a file
     * is read.
     */
    public OpenContent open() {
        return new OpenContent(files, blobKeys, layout);
    }

    /** The blob of each content file, in {@link InfoDictionary#contentFiles()} order. */
    public List<String> blobKeys() {
        return blobKeys;
    }

    /** Each blob's fingerprint when it was loaded, in the order of {@link #blobKeys()}. */
    public List<FileFingerprint> fingerprints() {
        return fingerprints;
    }

    /** Where the bytes of each piece are. */
    public StorageLayout layout() {
        return layout;
    }

    /** Number of pieces. */
    public int pieceCount() {
        return pieceCount;
    }

    /**
     * The merkle tree, from the piece layer up, of the file whose {@code pieces root} is {@code piecesRoot}, to answer
     * BEP 52 hash requests (built on first use, then kept); empty for v1 torrents, unknown roots and empty files.
     */
    public Optional<MerkleHashes> merkleHashes(byte[] piecesRoot) {
        int file = fileOf(piecesRoot);
        if (file < 0) {
            return Optional.empty();
        }
        Optional<MerkleHashes> tree = merkle.get(file);
        if (tree == null) {
            tree = MerkleHashes.of(metainfo, info.fileTree().get(file));
            merkle.set(file, tree);
        }
        return tree;
    }

    /**
     * The answer to a BEP 52 hash request for the file whose {@code pieces root} is {@code piecesRoot}: {@code count}
     * hashes of layer {@code base} (0 = 16 KiB blocks) from {@code index}, then up to {@code proofLayers} uncle hashes.
     * Layers from the piece layer up come from the piece layers at once; lower ones are hashed from the file on the
     * verification pool ({@link BlockHashes}). Completes with empty when the request cannot be answered (v1 torrent,
     * unknown root, outside the tree, too much to read, changed data); never exceptionally.
     */
    public CompletableFuture<Optional<byte[]>> hashes(byte[] piecesRoot, int base, int index, int count,
            int proofLayers) {
        MerkleHashes tree = merkleHashes(piecesRoot).orElse(null);
        if (tree == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (base >= tree.lowestLayer()) {
            return CompletableFuture.completedFuture(tree.hashes(base, index, count, proofLayers));
        }
        int file = fileOf(piecesRoot);
        try {
            return CompletableFuture.supplyAsync(() -> {
                try (OpenContent content = open()) {
                    return new BlockHashes(tree, content.channel(file), layout.fileLength(file), info.pieceLength())
                            .hashes(base, index, count, proofLayers);
                } catch (IOException e) {
                    return Optional.<byte[]>empty();
                }
            }, verification);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Optional.empty()); // shutting down
        }
    }

    /** The content file whose pieces root is {@code piecesRoot}, or -1. */
    private int fileOf(byte[] piecesRoot) {
        if (!info.format().hasV2()) {
            return -1;
        }
        Map<ByteBuffer, Integer> roots = fileByRoot;
        if (roots == null) {
            roots = new HashMap<>();
            List<FileTreeEntry> tree = info.fileTree();
            for (int i = 0; i < tree.size(); i++) {
                roots.putIfAbsent(ByteBuffer.wrap(tree.get(i).piecesRoot()), i);
            }
            fileByRoot = roots;
        }
        return roots.getOrDefault(ByteBuffer.wrap(piecesRoot), -1);
    }

    /** Whether piece {@code index} matched its hash, so it may be sent. */
    public boolean isVerified(int index) {
        return index >= 0 && index < pieceCount() && (verified.get(index >>> 6) & (1L << (index & 63))) != 0;
    }

    /** Pieces hashed and found matching so far. */
    public int verifiedCount() {
        return verifiedCount.get();
    }

    /** Whether the file is still believed good: no piece mismatched and it was not found missing or changed. */
    public boolean isHealthy() {
        return problem.get() == null;
    }

    /**
     * Piece {@code index} verified: completes at once with {@code true} if it was, else hashes it on the
     * verification pool (one hashing per piece however many peers ask) and completes with whether it
     * matched. A mismatch or a read error marks the whole file broken. Never completes exceptionally.
     */
    public CompletableFuture<Boolean> verify(int index) {
        return verify(index, verification);
    }

    /**
     * Hashes, once per served torrent, every piece not verified yet in file order, one at a time on the read-ahead
     * executor (a peer downloading the whole file soon asks for them all), so that most requests find their piece
     * verified; pieces peers ask for meanwhile are still hashed at once on the verification pool. Nothing if this
     * data has no read-ahead executor. Stops at the first mismatch.
     */
    public void verifyAhead() {
        if (ahead == null || !aheadStarted.compareAndSet(false, true)) {
            return;
        }
        try {
            ahead.execute(() -> {
                for (int i = 0; i < pieceCount && isHealthy(); i++) {
                    if (!isVerified(i)) {
                        verify(i, Runnable::run).join();     // inline on this thread, or joins a hashing in flight
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: nothing more is served
        }
    }

    private CompletableFuture<Boolean> verify(int index, Executor where) {
        if (isVerified(index)) {
            return YES;
        }
        if (!isHealthy() || index < 0 || index >= pieceCount()) {
            return NO;
        }
        CompletableFuture<Boolean> running = inFlight.get(index);
        if (running != null) {
            return running;
        }
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        running = inFlight.putIfAbsent(index, started);
        if (running != null) {
            return running;
        }
        try {
            where.execute(() -> {
                boolean ok = hash(index);
                inFlight.remove(index);
                started.complete(ok);
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(index);
            started.complete(false); // shutting down: nothing more is served
        }
        return started;
    }

    /** Reports the file broken (first report wins and reaches the listener; later ones are ignored). */
    public void fail(DataProblem why) {
        if (problem.compareAndSet(null, why)) {
            onProblem.accept(why);
        }
    }

    private boolean hash(int index) {
        try (OpenContent content = open()) {
            boolean v2 = info.format() == TorrentFormat.V2;
            if (!sizesMatch(content, index)) {
                return false;
            }
            boolean matches;
            if (v2) {
                int file = layout.fileOfPiece(index);
                matches = V2PieceVerifier.verifyPiece(content.channel(file), metainfo, info.fileTree().get(file),
                        index - layout.firstPieceOf(file));
            } else {
                matches = PieceVerifier.verifyPiece(content, info, index);
            }
            if (!matches) {
                fail(new DataProblem(DataProblem.Kind.CHANGED, "piece " + index + " of " + describe()
                        + " does not match its " + (v2 ? "merkle hashes" : "SHA-1")));
                return false;
            }
        } catch (NoSuchFileException e) {
            fail(new DataProblem(DataProblem.Kind.MISSING, "blob " + e.getFile() + " does not exist"));
            return false;
        } catch (IOException e) {
            fail(new DataProblem(DataProblem.Kind.CHANGED, describe() + " cannot be read: " + e.getMessage()));
            return false;
        }
        long bit = 1L << (index & 63);
        long before = verified.getAndUpdate(index >>> 6, w -> w | bit);
        if ((before & bit) == 0) {
            verifiedCount.incrementAndGet();
        }
        return true;
    }

    /** Whether every file piece {@code index} reads is as long as the torrent says; reports the first that is not. */
    private boolean sizesMatch(OpenContent content, int index) throws IOException {
        long start = layout.offset(index, 0);
        long end = start + layout.pieceSize(index);
        int span = layout.spanAt(start);
        for (int s = span < 0 ? -span - 1 : span; s < layout.spanCount() && layout.spanStart(s) < end; s++) {
            int file = layout.spanFile(s);
            if (file != StorageLayout.ZEROS && content.channel(file).size() != layout.fileLength(file)) {
                fail(new DataProblem(DataProblem.Kind.CHANGED, "blob " + blobKeys.get(file) + " now has "
                        + content.channel(file).size() + " bytes, the torrent " + layout.fileLength(file)));
                return false;
            }
        }
        return true;
    }

    private String describe() {
        return blobKeys.size() == 1 ? "blob " + blobKeys.getFirst() : "the " + blobKeys.size() + " blobs of " + info.name();
    }

    /** Length in bytes of piece {@code index} as requests may cover it ({@link StorageLayout#pieceSize}). */
    public int pieceSize(int index) {
        return layout.pieceSize(index);
    }

    /** Whether {@code [begin, begin + length)} is a non-empty range inside piece {@code index} ({@link #pieceSize}). */
    public boolean isInsidePiece(int index, int begin, int length) {
        return length > 0 && begin >= 0 && (long) begin + length <= layout.pieceSize(index);
    }

    /** Content length in bytes (pad files not counted). */
    public long totalLength() {
        return info.contentLength();
    }
}
