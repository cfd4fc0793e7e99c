package org.everseed.metafile.web;

/** A request parameter is malformed; answered with 400 and the message. */
public class BadRequestException extends RuntimeException {
    /** @param message what is wrong, shown to the client */
    public BadRequestException(String message) {
        super(message);
    }
}
