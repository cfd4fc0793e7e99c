package org.everseed.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A publisher's file is stored in blob storage and recorded by the web portal. Produced by
 * web-portal, consumed by metafile-service. Key: the publication id.
 *
 * @param eventId unique event id
 * @param occurredAt when the upload completed
 * @param publicationId the publication
 * @param name the file name as published (one path segment, UTF-8)
 * @param size file length in bytes
 * @param sha256 SHA-256 of the file, lower-case hex
 * @param blobKey where the bytes are in blob storage (relative key)
 * @param fileUrl the public plain-HTTP URL of the file, which serves as web seed (BEP 19)
 * @param pieceLength requested piece length in bytes, or {@code null} to choose automatically
 * @param format requested torrent format, {@code v1}, {@code v2} or {@code hybrid} (BEP 3, BEP 52), or
 *     {@code null} for the metafile service's default ({@code everseed.metafile.default-format}). Optional field:
 *     absent in JSON when null.
 * @param files the files of a multi-file publication, in any order (the torrent orders them), or {@code null}
 *     for a single file; when present, {@code name} is the directory name, {@code size} the sum of the sizes,
 *     {@code fileUrl} the directory's URL ending in {@code /} (BEP 19: clients append name and path) and
 *     {@code sha256}/{@code blobKey} the portal's own choice (e.g. of an uploaded archive). Optional field:
 *     absent in JSON when null.
 */
public record FileUploaded(
        UUID eventId,
        Instant occurredAt,
        UUID publicationId,
        String name,
        long size,
        String sha256,
        String blobKey,
        String fileUrl,
        Integer pieceLength,
        String format,
        java.util.List<UploadedFile> files) implements PlatformEvent {
    /** JSON type id. */
    public static final String TYPE = "FileUploaded.v1";
    /** The values {@code format} may take. */
    public static final java.util.Set<String> FORMATS = java.util.Set.of("v1", "v2", "hybrid");

    /** Validates every field. */
    public FileUploaded {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(publicationId, "publicationId");
        Checks.text(name, "name");
        Checks.notNegative(size, "size");
        Checks.sha256Hex(sha256);
        Checks.text(blobKey, "blobKey");
        Checks.text(fileUrl, "fileUrl");
        if (format != null && !FORMATS.contains(format)) {
            throw new IllegalArgumentException("format must be one of " + FORMATS + ", got '" + format + "'");
        }
        if (files != null) {
            files = java.util.List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("files must not be empty when present");
            }
            long total = 0;
            for (UploadedFile f : files) {
                total += f.size();
            }
            if (total != size) {
                throw new IllegalArgumentException("size " + size + " is not the sum of the files' sizes " + total);
            }
        }
    }

    /** A single-file upload with a requested format (or {@code null} for the default). */
    public FileUploaded(UUID eventId, Instant occurredAt, UUID publicationId, String name, long size, String sha256,
            String blobKey, String fileUrl, Integer pieceLength, String format) {
        this(eventId, occurredAt, publicationId, name, size, sha256, blobKey, fileUrl, pieceLength, format, null);
    }

    /** An upload with the deployment's default torrent format. */
    public FileUploaded(UUID eventId, Instant occurredAt, UUID publicationId, String name, long size, String sha256,
            String blobKey, String fileUrl, Integer pieceLength) {
        this(eventId, occurredAt, publicationId, name, size, sha256, blobKey, fileUrl, pieceLength, null, null);
    }

    @Override
    public String topic() {
        return Topics.FILE_UPLOADED;
    }

    @Override
    public String key() {
        return publicationId.toString();
    }
}
