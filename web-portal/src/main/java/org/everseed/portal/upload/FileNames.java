package org.everseed.portal.upload;

import java.nio.charset.StandardCharsets;

/**
 * File names as published: one path segment of at most 255 UTF-8 bytes, without control
 * characters, slashes or backslashes, and not "." or "..". A browser may send a full client path;
 * only its last segment is kept.
 */
public final class FileNames {
    /** Longest accepted name, in UTF-8 bytes (a common filesystem limit). */
    public static final int MAX_BYTES = 255;

    private FileNames() {
    }

    /**
     * The publishable name for {@code submitted}.
     *
     * @throws UploadException if no acceptable name remains
     */
    public static String publishable(String submitted) {
        if (submitted == null || submitted.isBlank()) {
            throw new UploadException("the file part has no file name");
        }
        String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new UploadException("file name '" + submitted + "' has no usable last segment");
        }
        if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            throw new UploadException("file name contains control characters");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new UploadException("file name longer than " + MAX_BYTES + " bytes");
        }
        return name;
    }
}
