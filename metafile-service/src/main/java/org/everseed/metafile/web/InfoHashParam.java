package org.everseed.metafile.web;

import java.util.regex.Pattern;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;

/**
 * Reads an info_hash from a URL: 40 hex digits (v1, or a v2 one truncated, BEP 52) or 64 hex digits (v2), either
 * case; the hex stays at this edge.
 */
final class InfoHashParam {
    private static final Pattern HEX40 = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    private InfoHashParam() {
    }

    /**
     * @throws BadRequestException unless {@code text} is 40 hex digits
     */
    static InfoHash parse(String text) {
        if (text == null || !HEX40.matcher(text).matches()) {
            throw new BadRequestException("info_hash must be 40 hex digits");
        }
        return InfoHash.fromHex(text);
    }

    /** Whether {@code text} is a v2 info_hash: 64 hex digits. */
    static boolean isV2(String text) {
        return text != null && HEX64.matcher(text).matches();
    }

    /** The v2 info_hash in {@code text}, which {@link #isV2} accepted. */
    static InfoHashV2 parseV2(String text) {
        return InfoHashV2.fromHex(text.toLowerCase(java.util.Locale.ROOT));
    }
}
