package org.everseed.portal.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.everseed.events.FileUploaded;
import org.everseed.events.UploadedFile;
import org.everseed.messaging.outbox.Outbox;
import org.everseed.portal.publication.Publication;
import org.everseed.portal.publication.PublicationFile;
import org.everseed.portal.publication.PublicationLinks;
import org.everseed.portal.publication.PublicationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records a publication whose files are already in blob storage: its row (and, for several files,
 * one row per file) and its {@code FileUploaded} event, in one transaction. One file makes a
 * single-file publication named after the file; several make a multi-file publication (BEP 3 multi-file
 * mode) whose content SHA-256 is that of its manifest (see {@link #manifestSha256}).
 */
@Service
public class UploadService {
    /** Most files in one publication. */
    public static final int MAX_FILES = 10_000;
    private final PublicationRepository publications;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final PublicationLinks links;

    /** Wires the recording path. */
    public UploadService(PublicationRepository publications, Outbox outbox, TransactionalOperator tx, PublicationLinks links) {
        this.publications = publications;
        this.outbox = outbox;
        this.tx = tx;
        this.links = links;
    }

    /**
     * Records publication {@code id} of {@code files}.
     *
     * @param requestedName the name asked for a multi-file publication, or null (ignored for one file)
     * @param files the stored files, in upload order, at least one
     * @param options requested piece length and format
     * @return the publication; errors with {@link UploadException} for bad paths or names
     */
    public Mono<Publication> publish(UUID id, String requestedName, List<StoredFile> files, TorrentOptions options) {
        if (files.stream().mapToLong(StoredFile::size).sum() == 0) {
            return Mono.error(new UploadException("the upload is empty: there is nothing to publish"));
        }
        if (files.size() == 1) {
            StoredFile f = files.getFirst();
            Publication p = Publication.uploaded(id, f.path().getLast(), f.size(), f.sha256(), f.blobKey(), Instant.now());
            return record(p, List.of(), options);
        }
        return Mono.fromCallable(() -> multiFile(id, requestedName, files))
                .flatMap(m -> record(m.publication(), m.files(), options));
    }

    private Mono<Publication> record(Publication p, List<PublicationFile> files, TorrentOptions options) {
        List<UploadedFile> uploaded = files.isEmpty() ? null
                : files.stream().map(f -> new UploadedFile(f.path(), f.size(), f.sha256(), f.blobKey())).toList();
        FileUploaded event = new FileUploaded(UUID.randomUUID(), p.createdAt(), p.id(), p.name(), p.size(), p.sha256(),
                p.blobKey(), links.fileUrl(p, !files.isEmpty()), options.pieceLength(), options.format(), uploaded);
        return publications.insert(p)
                .thenMany(Flux.fromIterable(files).concatMap(publications::insertFile))
                .then(outbox.enqueue(event))
                .as(tx::transactional)
                .thenReturn(p);
    }

    private MultiFile multiFile(UUID id, String requestedName, List<StoredFile> stored) {
        if (stored.size() > MAX_FILES) {
            throw new UploadException("a publication holds at most " + MAX_FILES + " files");
        }
        String common = stored.getFirst().path().getFirst();
        boolean shared = stored.stream().allMatch(f -> f.path().size() > 1 && f.path().getFirst().equals(common));
        String name = requestedName != null ? FileNames.publishable(requestedName)
                : shared ? common : "publication-" + id.toString().substring(0, 8);
        List<PublicationFile> files = new java.util.ArrayList<>();
        Set<String> paths = new HashSet<>();
        Set<String> directories = new HashSet<>();
        long size = 0;
        for (int i = 0; i < stored.size(); i++) {
            StoredFile f = stored.get(i);
            List<String> path = shared && requestedName == null ? f.path().subList(1, f.path().size()) : f.path();
            String joined = String.join("/", path);
            if (!paths.add(joined)) {
                throw new UploadException("two files have the path '" + joined + "'");
            }
            for (int depth = 1; depth < path.size(); depth++) {
                directories.add(String.join("/", path.subList(0, depth)));
            }
            files.add(new PublicationFile(id, i, path, f.size(), f.sha256(), f.blobKey()));
            size += f.size();
        }
        for (String dir : directories) {
            if (paths.contains(dir)) {
                throw new UploadException("'" + dir + "' is both a file and a directory");
            }
        }
        String prefix = id.toString().substring(0, 2) + "/" + id;
        Publication p = Publication.uploaded(id, name, size, manifestSha256(files), prefix, Instant.now());
        return new MultiFile(p, List.copyOf(files));
    }

    /**
     * The SHA-256 of a multi-file publication: that of its manifest, the lines {@code <sha256>  <path>\n}
     * sorted by path, as {@code sha256sum} prints them, so that {@code sha256sum -c} checks a download.
     */
    static String manifestSha256(List<PublicationFile> files) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(PublicationFile::joinedPath)).forEach(f ->
                    sha256.update((f.sha256() + "  " + f.joinedPath() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private record MultiFile(Publication publication, List<PublicationFile> files) {
    }
}
