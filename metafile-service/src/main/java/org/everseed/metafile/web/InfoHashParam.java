package org.everseed.metafile.web;

import java.util.regex.Pattern;
import org.everseed.bittorrent.id.InfoHash;

/** Reads an info_hash from a URL: 40 hex digits, either case; the hex stays at this edge. */
final class InfoHashParam {
    private static final Pattern HEX40 = Pattern.compile("[0-9a-fA-F]{40}");

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
}
