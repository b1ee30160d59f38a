package io.downhill.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The one reader of the JSON that clients send (run specs, problems, trainings, sweeps, points):
 * strict (no duplicate keys, no trailing tokens, bounded nesting and number length) and every
 * failure a 400 that names the field and says where the text went wrong.
 */
public final class RequestJson {
    private RequestJson() {}

    /**
     * A JSON object.
     *
     * @param what how the field is described in an error, e.g. "a JSON object such as {"name":"bowl"}"
     */
    public static Map<String, Object> object(String json, String field, String what) {
        return object(json.getBytes(StandardCharsets.UTF_8), field, what);
    }

    public static Map<String, Object> object(byte[] json, String field, String what) {
        if (!(value(json, field, what) instanceof Map<?, ?> map)) {
            throw ApiProblem.badRequest(field, "must be " + what);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    /** A JSON list. */
    public static List<?> list(String json, String field, String what) {
        if (!(value(json.getBytes(StandardCharsets.UTF_8), field, what) instanceof List<?> list)) {
            throw ApiProblem.badRequest(field, "must be " + what);
        }
        return list;
    }

    /** Any JSON value (null for the literal {@code null}). */
    public static Object value(String json, String field, String what) {
        return value(json.getBytes(StandardCharsets.UTF_8), field, what);
    }

    private static Object value(byte[] json, String field, String what) {
        try {
            return Json.MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw ApiProblem.badRequest(field, "must be " + what + " (" + e.getOriginalMessage() + at + ")");
        } catch (IOException e) {
            throw ApiProblem.badRequest(field, "cannot be read: " + e.getMessage());
        }
    }
}
