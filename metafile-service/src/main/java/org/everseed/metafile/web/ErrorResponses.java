package org.everseed.metafile.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Maps errors to JSON {@code {"status", "error"}} answers: 400 for malformed input, 404 for unknown torrents. */
@RestControllerAdvice
public class ErrorResponses {

    /** A JSON error body. @param status the HTTP status code @param error what went wrong */
    public record ErrorBody(int status, String error) {
    }

    /** 400 for a malformed parameter. */
    @ExceptionHandler({BadRequestException.class, ServerWebInputException.class})
    public ResponseEntity<ErrorBody> badRequest(RuntimeException e) {
        String message = e instanceof ServerWebInputException in ? in.getReason() : e.getMessage();
        return body(HttpStatus.BAD_REQUEST, message);
    }

    /** 404 for an unknown info_hash. */
    @ExceptionHandler(TorrentNotFoundException.class)
    public ResponseEntity<ErrorBody> notFound(TorrentNotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static ResponseEntity<ErrorBody> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(status.value(), message));
    }
}
