package org.everseed.metafile.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.everseed.bittorrent.metainfo.MetainfoException;
import org.everseed.bittorrent.metainfo.MetainfoLimits;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.bittorrent.metainfo.MetainfoPrinter;

/**
 * The {@code show} command, like {@code btshowmetainfo}: prints each .torrent named on the command line (name,
 * info_hash, files, sizes, piece length, trackers, web seeds). Exit status 0 if all parsed, 1 if one was invalid
 * (its reason and byte offset are printed), 2 for a usage or read error. Files over
 * {@link MetainfoLimits#MAX_METAINFO_BYTES} are refused unread. Run:
 * {@code java -cp metafile-service.jar org.everseed.metafile.cli.ShowTorrent FILE...}.
 */
public final class ShowTorrent {

    private ShowTorrent() {
    }

    /** Prints the files; exits with the status described above. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Prints the files to {@code out}, errors to {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: show FILE.torrent...");
            return 2;
        }
        int status = 0;
        for (String arg : args) {
            Path path = Path.of(arg);
            try {
                if (Files.size(path) > MetainfoLimits.MAX_METAINFO_BYTES) {
                    err.println(arg + ": larger than " + MetainfoLimits.MAX_METAINFO_BYTES + " bytes");
                    status = Math.max(status, 1);
                    continue;
                }
                out.print(MetainfoPrinter.describe(MetainfoParser.parse(Files.readAllBytes(path))));
            } catch (MetainfoException e) {
                err.println(arg + ": " + e.getMessage());
                status = Math.max(status, 1);
            } catch (IOException e) {
                err.println(arg + ": cannot read: " + e);
                status = 2;
            }
        }
        return status;
    }
}
