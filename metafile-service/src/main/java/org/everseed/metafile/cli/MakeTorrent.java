package org.everseed.metafile.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.everseed.bittorrent.metainfo.ContentHashes;
import org.everseed.bittorrent.metainfo.ContentLayout;
import org.everseed.bittorrent.metainfo.FileEntry;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoWriter;
import org.everseed.bittorrent.metainfo.PieceLength;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.everseed.metafile.hashing.ContentHasher;

/**
 * The {@code make} command, like mktorrent: builds a v1, v2 or hybrid .torrent of a file or directory with the
 * service's own hasher, and prints the info_hashes and the hashing time, so that it also serves as the hashing
 * benchmark ({@code bench/metainfo/}). Usage: {@code make [--format=v1|v2|hybrid] [--piece-length=BYTES]
 * [--threads=N] [--repeat=N] [--announce=URL] [--output=FILE] PATH}. Defaults: hybrid, automatic piece length
 * ({@link PieceLength#automatic}), one thread per core, 1 run, no announce, no output file. Each run prints
 * {@code hashed <bytes> bytes <format> in <ms> ms (<MB/s> MB/s)}, MB = 10^6 bytes. Exit status 0, 2 for bad usage or
 * a read error. Run: {@code java -cp metafile-service.jar org.everseed.metafile.cli.MakeTorrent ...}.
 */
public final class MakeTorrent {

    private MakeTorrent() {
    }

    /** Runs the command; exits with its status. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        TorrentFormat format = TorrentFormat.HYBRID;
        Integer pieceLength = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int repeat = 1;
        Optional<String> announce = Optional.empty();
        Optional<Path> output = Optional.empty();
        Path input = null;
        try {
            for (String arg : args) {
                String value = arg.substring(arg.indexOf('=') + 1);
                if (arg.startsWith("--format=")) {
                    format = TorrentFormat.parse(value);
                } else if (arg.startsWith("--piece-length=")) {
                    pieceLength = Integer.parseInt(value);
                } else if (arg.startsWith("--threads=")) {
                    threads = Integer.parseInt(value);
                } else if (arg.startsWith("--repeat=")) {
                    repeat = Integer.parseInt(value);
                } else if (arg.startsWith("--announce=")) {
                    announce = Optional.of(value);
                } else if (arg.startsWith("--output=")) {
                    output = Optional.of(Path.of(value));
                } else if (arg.startsWith("--") || input != null) {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                } else {
                    input = Path.of(arg);
                }
            }
            if (input == null) {
                throw new IllegalArgumentException("no file or directory given");
            }
            return make(input, format, pieceLength, threads, repeat, announce, output, out);
        } catch (IllegalArgumentException e) {
            err.println("make: " + e.getMessage());
            err.println("usage: make [--format=v1|v2|hybrid] [--piece-length=BYTES] [--threads=N] [--repeat=N]"
                    + " [--announce=URL] [--output=FILE] PATH");
            return 2;
        } catch (IOException e) {
            err.println("make: cannot read " + input + ": " + e);
            return 2;
        }
    }

    private static int make(Path input, TorrentFormat format, Integer requested, int threads, int repeat,
            Optional<String> announce, Optional<Path> output, PrintStream out) throws IOException, InterruptedException {
        boolean directory = Files.isDirectory(input);
        List<Path> paths = directory ? files(input) : List.of(input);
        List<FileEntry> entries = new ArrayList<>();
        long total = 0;
        for (Path p : paths) {
            long size = Files.size(p);
            total += size;
            entries.add(new FileEntry(directory ? pathOf(input.relativize(p)) : List.of(p.getFileName().toString()), size));
        }
        int pieceLength = requested != null ? PieceLength.requireValid(requested) : PieceLength.automatic(total);
        String name = input.toAbsolutePath().normalize().getFileName().toString();
        ContentLayout layout = directory ? ContentLayout.multiFile(format, name, entries, pieceLength)
                : ContentLayout.singleFile(format, name, total, pieceLength);
        ContentHashes hashes = null;
        try (ContentHasher hasher = new ContentHasher(threads)) {
            for (int run = 0; run < repeat; run++) {
                List<FileChannel> channels = new ArrayList<>();
                try {
                    for (FileEntry f : layout.files()) {
                        channels.add(FileChannel.open(directory ? input.resolve(String.join("/", f.path())) : input));
                    }
                    long started = System.nanoTime();
                    hashes = hasher.hash(layout, channels);
                    long nanos = System.nanoTime() - started;
                    out.printf("hashed %d bytes %s in %.1f ms (%.0f MB/s)%n", total, format.wireName(), nanos / 1e6,
                            total / (nanos / 1e9) / 1e6);
                } finally {
                    for (FileChannel c : channels) {
                        c.close();
                    }
                }
            }
        }
        Metainfo metainfo = Metainfo.create(hashes.infoDictionary(false, Optional.empty()), hashes.pieceLayers(), announce,
                List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.of("Everseed make"));
        out.println("info_hash " + (format.hasV1() ? metainfo.infoHash().hex() : "-") + " "
                + metainfo.infoHashV2().map(Object::toString).orElse("-") + " piece length " + pieceLength);
        if (output.isPresent()) {
            Files.write(output.get(), MetainfoWriter.write(metainfo));
        }
        return 0;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<String> pathOf(Path relative) {
        List<String> components = new ArrayList<>();
        relative.forEach(p -> components.add(p.toString()));
        return components;
    }
}
