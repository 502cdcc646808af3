package org.clsweep.jobs.json;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.Map;

/**
 * Reads and writes JSON text with the {@linkplain JsonEscapes escapes} every clsweep document
 * shares. Values to write are JSON trees or plain Java values: maps (members in the map's order),
 * lists, strings, numbers, booleans and null.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactoryBuilder()
            .characterEscapes(new JsonEscapes()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<Map<String, Object>> MEMBERS = new TypeReference<>() {
    };

    private JsonText() {
    }

    /** {@code value} in {@code layout}, ending with a newline. */
    public static String write(Object value, IndentedLayout layout) {
        return text(MAPPER.writer(layout), value) + "\n";
    }

    /** {@code value} on one line, without spaces. */
    public static String compact(Object value) {
        return text(MAPPER.writer(), value);
    }

    private static String text(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The JSON value {@code text} holds.
     *
     * @throws IllegalArgumentException if the text is not one JSON value
     */
    public static JsonNode read(String text) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree.isMissingNode()) {
                throw new IllegalArgumentException("no JSON value in the text");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        }
    }

    /**
     * The members of a JSON object as Java values: objects as maps in member order, arrays as
     * lists, numbers as Integer, Long, BigInteger or Double (the smallest that holds them).
     */
    public static Map<String, Object> members(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + object.getNodeType());
        }
        return MAPPER.convertValue(object, MEMBERS);
    }
}
