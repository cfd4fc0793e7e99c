package org.everseed.events;

/**
 * Thrown when bytes on a topic are not a valid event of the expected type: malformed JSON, an
 * unknown type id, a missing or invalid field. Such a record is poison: retrying cannot help, so
 * it goes to the dead-letter topic.
 */
public final class EventDecodingException extends RuntimeException {

    /** @param message what is wrong; @param cause the parser's error, if any */
    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
