package org.everseed.events;

import java.util.regex.Pattern;

/** Argument checks shared by the event records' compact constructors. */
final class Checks {
    private static final Pattern INFO_HASH_HEX = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Checks() {
    }

    static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    static String text(String value, String name) {
        if (present(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static String infoHashHex(String value) {
        if (!INFO_HASH_HEX.matcher(present(value, "infoHash")).matches()) {
            throw new IllegalArgumentException("infoHash must be 40 lower-case hex digits: " + value);
        }
        return value;
    }

    static String sha256Hex(String value) {
        return sha256Hex(value, "sha256");
    }

    static String sha256Hex(String value, String name) {
        if (!SHA256_HEX.matcher(present(value, name)).matches()) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex digits: " + value);
        }
        return value;
    }

    static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }
}
