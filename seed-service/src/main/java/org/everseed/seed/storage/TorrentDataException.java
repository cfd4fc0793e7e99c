package org.everseed.seed.storage;

/** The stored file of a torrent is missing, unreadable or of the wrong length; it cannot be seeded. */
public final class TorrentDataException extends Exception {

    /** @param message what is wrong with which blob */
    public TorrentDataException(String message) {
        super(message);
    }

    /** @param message what is wrong; @param cause the I/O error */
    public TorrentDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
