package org.everseed.portal.upload;

/** An upload the portal refuses: a bad file name, an empty, oversized or truncated file. */
public class UploadException extends RuntimeException {
    private final boolean tooLarge;

    /** @param message why, for the publisher */
    public UploadException(String message) {
        this(message, false, null);
    }

    /** @param message why; @param tooLarge whether the file exceeds the size limit; @param cause the cause, if any */
    public UploadException(String message, boolean tooLarge, Throwable cause) {
        super(message, cause);
        this.tooLarge = tooLarge;
    }

    /** Whether the file exceeds the size limit (HTTP 413 rather than 400). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
