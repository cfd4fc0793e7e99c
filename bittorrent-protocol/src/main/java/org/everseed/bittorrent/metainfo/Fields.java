package org.everseed.bittorrent.metainfo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeInteger;
import org.everseed.bittorrent.bencode.BencodeList;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;
import org.everseed.bittorrent.bencode.Span;

/**
 * Typed access to the fields of one decoded dictionary, turning every mismatch into a
 * {@link MetainfoException} at the offset of the offending value (or of the dictionary when a key is missing).
 */
final class Fields {
    private final BencodeDictionary dict;
    private final String where;
    private final long fallbackOffset;

    /**
     * @param dict the dictionary
     * @param where its name in messages, such as {@code "info"}
     * @param fallbackOffset offset to report when a field is missing
     */
    Fields(BencodeDictionary dict, String where, long fallbackOffset) {
        this.dict = dict;
        this.where = where;
        this.fallbackOffset = fallbackOffset;
    }

    boolean has(String key) {
        return dict.containsKey(key);
    }

    /** The offset of the value under {@code key}, or the fallback offset. */
    long offsetOf(String key) {
        return dict.spanOf(key).map(Span::start).map(Integer::longValue).orElse(fallbackOffset);
    }

    Optional<BencodeValue> optional(String key) {
        return dict.get(key);
    }

    BencodeValue required(String key) {
        return dict.get(key).orElseThrow(() -> error("missing '" + key + "'", key));
    }

    BencodeDictionary dictionary(String key) {
        if (required(key) instanceof BencodeDictionary d) {
            return d;
        }
        throw error("'" + key + "' must be a dictionary", key);
    }

    BencodeList list(String key) {
        if (required(key) instanceof BencodeList l) {
            return l;
        }
        throw error("'" + key + "' must be a list", key);
    }

    BencodeString string(String key) {
        if (required(key) instanceof BencodeString s) {
            return s;
        }
        throw error("'" + key + "' must be a byte string", key);
    }

    long integer(String key) {
        if (required(key) instanceof BencodeInteger i) {
            return i.value();
        }
        throw error("'" + key + "' must be an integer", key);
    }

    Optional<String> optionalText(String key) {
        return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    String text(String key) {
        return utf8(string(key), key);
    }

    /** Decodes {@code s} as strict UTF-8 (BEP 3: strings in metainfo are UTF-8). */
    String utf8(BencodeString s, String key) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.bytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error("'" + key + "' is not valid UTF-8", key);
        }
    }

    MetainfoException error(String reason, String key) {
        return new MetainfoException(where + ": " + reason, offsetOf(key));
    }
}
