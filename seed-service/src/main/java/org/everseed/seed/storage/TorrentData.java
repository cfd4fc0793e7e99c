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
import org.everseed.bittorrent.metainfo.InfoDictionary;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.TorrentFormat;

/**
 * The stored file of a seeded torrent, verified lazily: its length is checked when it is loaded,
 * and each piece is hashed (SHA-1, BEP 3; for v2-only torrents the SHA-256 merkle root of its blocks against the
 * piece layers, BEP 52) on the verification pool the first time a peer asks for
 * it; the result is cached, so a piece is read for hashing at most once while served. A piece whose
 * hash does not match is never sent: the mismatch means the file changed, so the whole torrent is
 * reported broken ({@link DataProblem}) to the listener given at load time, once. Thread-safe.
 */
public final class TorrentData {
    private static final CompletableFuture<Boolean> YES = CompletableFuture.completedFuture(true);
    private static final CompletableFuture<Boolean> NO = CompletableFuture.completedFuture(false);

    private final FileHandles files;
    private final String blobKey;
    private final InfoDictionary info;
    private final Metainfo metainfo;
    private final int pieceCount;
    private final Executor ahead;
    private final AtomicBoolean aheadStarted = new AtomicBoolean();
    private volatile Optional<MerkleHashes> merkle;
    private final FileFingerprint fingerprint;
    private final Executor verification;
    private final Consumer<DataProblem> onProblem;
    private final AtomicLongArray verified;
    private final AtomicInteger verifiedCount = new AtomicInteger();
    private final ConcurrentHashMap<Integer, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private final AtomicReference<DataProblem> problem = new AtomicReference<>();

    /**
     * @param files the shared open files
     * @param blobKey the blob, {@code info.totalLength()} bytes long
     * @param info the metainfo's info dictionary (piece length and hashes)
     * @param fingerprint the blob's fingerprint when loaded
     * @param verification where pieces are hashed (blocking reads)
     * @param onProblem told once when the file turns out missing or changed
     */
    public TorrentData(FileHandles files, String blobKey, InfoDictionary info, FileFingerprint fingerprint,
            Executor verification, Consumer<DataProblem> onProblem) {
        this(files, blobKey, info, null, fingerprint, verification, null, onProblem);
    }

    /**
     * The data of a torrent of any format (v1, v2 or hybrid, single-file): v1 and hybrid pieces are checked by
     * SHA-1, v2 pieces by their merkle hashes.
     *
     * @param ahead where {@link #verifyAhead()} hashes the whole file in order, or {@code null} for never
     */
    public TorrentData(FileHandles files, String blobKey, Metainfo metainfo, FileFingerprint fingerprint,
            Executor verification, Executor ahead, Consumer<DataProblem> onProblem) {
        this(files, blobKey, metainfo.info(), metainfo, fingerprint, verification, ahead, onProblem);
    }

    private TorrentData(FileHandles files, String blobKey, InfoDictionary info, Metainfo metainfo,
            FileFingerprint fingerprint, Executor verification, Executor ahead, Consumer<DataProblem> onProblem) {
        this.ahead = ahead;
        this.files = files;
        this.blobKey = blobKey;
        this.info = info;
        this.metainfo = metainfo;
        this.pieceCount = (int) InfoDictionary.expectedPieceCount(info.totalLength(), info.pieceLength());
        if (info.format() == TorrentFormat.V2 && metainfo == null) {
            throw new IllegalArgumentException("a v2 torrent is verified with its piece layers: pass the metainfo");
        }
        this.fingerprint = fingerprint;
        this.verification = verification;
        this.onProblem = onProblem;
        this.verified = new AtomicLongArray((pieceCount + 63) / 64);
    }

    /**
     * A lease on the open blob for positional reads; close it when done.
     *
     * @throws IOException if the blob cannot be opened (it vanished)
     */
    public FileHandles.Lease open() throws IOException {
        return files.acquire(blobKey);
    }

    /** The blob's key in blob storage. */
    public String blobKey() {
        return blobKey;
    }

    /** The blob's fingerprint when it was loaded. */
    public FileFingerprint fingerprint() {
        return fingerprint;
    }

    /** Number of pieces. */
    public int pieceCount() {
        return pieceCount;
    }

    /**
     * The file's merkle tree from the piece layer up, to answer BEP 52 hash requests (built on first use, then
     * kept); empty for v1 torrents.
     */
    public Optional<MerkleHashes> merkleHashes() {
        Optional<MerkleHashes> tree = merkle;
        if (tree == null) {
            tree = metainfo == null ? Optional.empty() : MerkleHashes.of(metainfo);
            merkle = tree;
        }
        return tree;
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
        try (FileHandles.Lease lease = files.acquire(blobKey)) {
            if (lease.channel().size() != info.totalLength()) {
                fail(new DataProblem(DataProblem.Kind.CHANGED, "blob " + blobKey + " now has " + lease.channel().size()
                        + " bytes, the torrent " + info.totalLength()));
                return false;
            }
            boolean v2 = info.format() == TorrentFormat.V2;
            if (v2 ? !V2PieceVerifier.verifyPiece(lease.channel(), metainfo, index)
                    : !PieceVerifier.verifyPiece(lease.channel(), info, index)) {
                fail(new DataProblem(DataProblem.Kind.CHANGED, "piece " + index + " of blob " + blobKey
                        + " does not match its " + (v2 ? "merkle hashes" : "SHA-1")));
                return false;
            }
        } catch (NoSuchFileException e) {
            fail(new DataProblem(DataProblem.Kind.MISSING, "blob " + blobKey + " does not exist"));
            return false;
        } catch (IOException e) {
            fail(new DataProblem(DataProblem.Kind.CHANGED, "blob " + blobKey + " cannot be read: " + e.getMessage()));
            return false;
        }
        long bit = 1L << (index & 63);
        long before = verified.getAndUpdate(index >>> 6, w -> w | bit);
        if ((before & bit) == 0) {
            verifiedCount.incrementAndGet();
        }
        return true;
    }

    /** Length in bytes of piece {@code index} (the last one may be shorter); 0 outside the torrent. */
    public int pieceSize(int index) {
        if (index < 0 || index >= pieceCount()) {
            return 0;
        }
        long start = (long) index * info.pieceLength();
        return (int) Math.min(info.pieceLength(), info.totalLength() - start);
    }

    /**
     * Whether {@code [begin, begin + length)} is a non-empty range inside piece {@code index}. For v2-only torrents
     * every piece counts as a whole {@code piece length}: libtorrent pads a v2 file to a piece boundary and asks for
     * whole blocks of its short last piece, whose bytes beyond the file are zeros ({@link #bytesInFile}).
     */
    public boolean isInsidePiece(int index, int begin, int length) {
        int size = info.format() == TorrentFormat.V2 && index >= 0 && index < pieceCount ? info.pieceLength()
                : pieceSize(index);
        return length > 0 && begin >= 0 && (long) begin + length <= size;
    }

    /** How many of the {@code length} bytes from {@code fileOffset} lie in the file; the rest are padding zeros. */
    public int bytesInFile(long fileOffset, int length) {
        return (int) Math.max(0, Math.min(length, info.totalLength() - fileOffset));
    }

    /** File offset of byte {@code begin} of piece {@code index}. */
    public long fileOffset(int index, int begin) {
        return (long) index * info.pieceLength() + begin;
    }

    /** Content length in bytes. */
    public long totalLength() {
        return info.totalLength();
    }
}
