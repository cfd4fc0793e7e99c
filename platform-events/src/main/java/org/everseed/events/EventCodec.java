package org.everseed.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON form of {@link PlatformEvent}s: UTF-8 JSON objects with the type id in {@code type}, times
 * as ISO-8601 strings, unknown fields ignored (so a newer producer may add fields). Thread-safe.
 */
public final class EventCodec {
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** The UTF-8 JSON bytes of {@code event}. */
    public byte[] encode(PlatformEvent event) {
        return mapper.writeValueAsBytes(event);
    }

    /**
     * Reads an event of any known type.
     *
     * @throws EventDecodingException if the bytes are not a valid event
     */
    public PlatformEvent decode(byte[] json) {
        return decode(json, PlatformEvent.class);
    }

    /**
     * Reads an event that must be of {@code type}.
     *
     * @throws EventDecodingException if the bytes are not a valid event of that type
     */
    public <T extends PlatformEvent> T decode(byte[] json, Class<T> type) {
        if (json == null) {
            throw new EventDecodingException("no event: the record value is null", null);
        }
        try {
            PlatformEvent event = mapper.readValue(json, PlatformEvent.class);
            if (!type.isInstance(event)) {
                throw new EventDecodingException("expected " + type.getSimpleName() + " but got "
                        + event.getClass().getSimpleName(), null);
            }
            return type.cast(event);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new EventDecodingException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
