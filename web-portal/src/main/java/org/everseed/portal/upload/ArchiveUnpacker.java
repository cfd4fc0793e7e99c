package org.everseed.portal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.everseed.storage.BlobStorage;
import org.everseed.storage.BlobWriter;
import org.springframework.stereotype.Component;

/**
 * Unpacks an uploaded archive ({@code .zip}, {@code .tar}, {@code .tar.gz}, {@code .tgz}; read with
 * Apache Commons Compress) into one blob per file, for a multi-file publication. Bounded: at most
 * {@link UploadService#MAX_FILES} files and the upload size limit in unpacked bytes (an archive bomb
 * stops there); entry names are checked as relative paths ({@code ..} refused, so nothing escapes);
 * links and devices are refused. On any failure every blob it wrote is deleted. Blocking I/O: call it
 * on the bounded-elastic scheduler.
 */
@Component
public class ArchiveUnpacker {
    private static final int COPY_BUFFER = 256 * 1024;
    private final BlobStorage storage;

    /** @param storage where the archive is and its files go */
    public ArchiveUnpacker(BlobStorage storage) {
        this.storage = storage;
    }

    /** Whether {@code fileName} names an archive this class reads. */
    public static boolean isArchive(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".zip") || n.endsWith(".tar") || n.endsWith(".tar.gz") || n.endsWith(".tgz");
    }

    /** {@code fileName} without its archive extension. */
    public static String baseName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".tar.gz", ".tgz", ".zip", ".tar")) {
            if (n.endsWith(ext) && n.length() > ext.length()) {
                return fileName.substring(0, fileName.length() - ext.length());
            }
        }
        return fileName;
    }

    /**
     * The files of {@code archive}, each stored under {@code <keyPrefix><n>}.
     *
     * @param maxBytes most unpacked bytes in all
     * @throws UploadException if the archive is unreadable, of an unknown kind, holds a link, an unsafe
     *     name, too many files or too many bytes
     */
    public List<StoredFile> unpack(StoredFile archive, String keyPrefix, long maxBytes) {
        String name = archive.path().getLast();
        if (!isArchive(name)) {
            throw new UploadException("unpack reads .zip, .tar, .tar.gz and .tgz files, not '" + name + "'");
        }
        List<StoredFile> files = new ArrayList<>();
        try (InputStream raw = Channels.newInputStream(storage.openRead(archive.blobKey()));
                ArchiveInputStream<? extends ArchiveEntry> entries = open(name, raw)) {
            long total = 0;
            byte[] buffer = new byte[COPY_BUFFER];
            for (ArchiveEntry entry; (entry = entries.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (!isRegularFile(entry)) {
                    throw new UploadException("archive entry '" + entry.getName() + "' is not a plain file");
                }
                if (files.size() >= UploadService.MAX_FILES) {
                    throw new UploadException("a publication holds at most " + UploadService.MAX_FILES + " files");
                }
                List<String> path = FileNames.relativePath(entry.getName());
                StoredFile f = copy(entries, path, keyPrefix + files.size(), maxBytes - total, buffer);
                files.add(f);
                total += f.size();
            }
        } catch (IOException e) {
            delete(files);
            throw new UploadException("cannot unpack '" + name + "': " + e.getMessage(), false, e);
        } catch (RuntimeException e) {
            delete(files);
            throw e;
        }
        if (files.isEmpty()) {
            throw new UploadException("the archive '" + name + "' holds no files");
        }
        return files;
    }

    private static ArchiveInputStream<? extends ArchiveEntry> open(String name, InputStream raw) throws IOException {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".zip")) {
            return new ZipArchiveInputStream(raw);
        }
        if (n.endsWith(".tar")) {
            return new TarArchiveInputStream(raw);
        }
        return new TarArchiveInputStream(new GzipCompressorInputStream(raw));
    }

    private static boolean isRegularFile(ArchiveEntry entry) {
        return switch (entry) {
            case TarArchiveEntry tar -> tar.isFile();
            case ZipArchiveEntry zip -> !zip.isUnixSymlink();
            default -> false;
        };
    }

    private StoredFile copy(InputStream in, List<String> path, String blobKey, long budget, byte[] buffer) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (BlobWriter writer = storage.create(blobKey)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                if (writer.size() + n > budget) {
                    throw new UploadException("the unpacked files are larger than the limit", true, null);
                }
                sha256.update(buffer, 0, n);
                writer.write(ByteBuffer.wrap(buffer, 0, n));
            }
            writer.commit();
            return new StoredFile(path, blobKey, writer.size(), HexFormat.of().formatHex(sha256.digest()));
        }
    }

    private void delete(List<StoredFile> files) {
        for (StoredFile f : files) {
            try {
                storage.delete(f.blobKey());
            } catch (IOException e) {
                // Best effort: no row points at an orphan blob, so it is never served.
            }
        }
    }
}
