package org.everseed.portal.upload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * File names as published: one path segment of at most 255 UTF-8 bytes, without control
 * characters, slashes or backslashes, and not "." or "..". A browser may send a full client path;
 * only its last segment is kept.
 */
public final class FileNames {
    /** Longest accepted name, in UTF-8 bytes (a common filesystem limit). */
    public static final int MAX_BYTES = 255;
    /** Deepest accepted relative path of a file in a multi-file publication, in components. */
    public static final int MAX_DEPTH = 32;

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
        return component(name, submitted);
    }

    /**
     * The relative path of a file of a multi-file publication: {@code submitted} split at {@code /} and
     * {@code \\}, empty components dropped, each component checked as a name; at most {@link #MAX_DEPTH}
     * components (a browser's folder upload sends paths such as {@code dir/sub/file.txt}).
     *
     * @throws UploadException if a component is unusable or the path is too deep
     */
    public static List<String> relativePath(String submitted) {
        if (submitted == null || submitted.isBlank()) {
            throw new UploadException("the file part has no file name");
        }
        List<String> path = new ArrayList<>();
        for (String part : submitted.split("[/\\\\]")) {
            if (!part.isEmpty()) {
                path.add(component(part.strip(), submitted));
            }
        }
        if (path.isEmpty() || path.size() > MAX_DEPTH) {
            throw new UploadException("file path '" + submitted + "' must have 1 to " + MAX_DEPTH + " components");
        }
        return List.copyOf(path);
    }

    private static String component(String name, String submitted) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new UploadException("file name '" + submitted + "' has an unusable component");
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
