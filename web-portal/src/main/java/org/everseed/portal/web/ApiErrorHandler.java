package org.everseed.portal.web;

import org.everseed.portal.upload.UploadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps refused uploads to RFC 9457 problem details: 400, or 413 for a file over the limit. */
@RestControllerAdvice(assignableTypes = PublicationApiController.class)
public class ApiErrorHandler {

    /** A refused upload. */
    @ExceptionHandler(UploadException.class)
    public ResponseEntity<ProblemDetail> upload(UploadException e) {
        HttpStatus status = e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("upload refused");
        return ResponseEntity.status(status).body(problem);
    }
}
