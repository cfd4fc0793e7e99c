package org.everseed.bittorrent.metainfo;

/** Rules for names and path components, so that no torrent can point outside its own directory. */
final class PathRules {
    private PathRules() {
    }

    /** Why {@code component} is not a safe path component, or {@code null} if it is. */
    static String problem(String component) {
        if (component.isEmpty()) {
            return "empty path component";
        }
        if (component.equals(".") || component.equals("..")) {
            return "path component '" + component + "' is not allowed";
        }
        if (component.indexOf('/') >= 0 || component.indexOf('\\') >= 0 || component.indexOf('\0') >= 0) {
            return "path component holds a separator or NUL: " + component;
        }
        return null;
    }

    /** Throws {@link IllegalArgumentException} if {@code component} is not safe. */
    static void check(String component) {
        String problem = problem(component);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
