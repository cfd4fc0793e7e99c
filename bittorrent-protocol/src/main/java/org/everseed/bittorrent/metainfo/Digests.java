package org.everseed.bittorrent.metainfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.everseed.bittorrent.id.InfoHashV2;

/** The message digests BitTorrent uses: SHA-1 (BEP 3) and SHA-256 (BEP 52), both present on every Java platform. */
final class Digests {
    private Digests() {
    }

    static MessageDigest sha1() {
        return get("SHA-1");
    }

    static MessageDigest sha256() {
        return get("SHA-256");
    }

    /** The v2 info_hash of these info dictionary bytes: their SHA-256 (BEP 52). */
    static InfoHashV2 infoHashV2(byte[] infoBytes) {
        return InfoHashV2.of(sha256().digest(infoBytes));
    }

    private static MessageDigest get(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}
