package io.downhill.web;

import io.downhill.optim.RunSpec;
import io.downhill.optim.SpecException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How a run spec arrives in a request, and the limits every endpoint that takes one shares: the
 * {@code spec} query parameter, a POST body, their sizes, and how long a run's answer may be kept.
 */
public final class RunRequests {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int MAX_SPEC_CHARS = 12 * 1024;
    /** Runs never change for a given engine, so a day is safe; the ETag carries the engine version. */
    public static final String CACHE_CONTROL = "public, max-age=86400";

    private RunRequests() {}

    /** The {@code spec} query parameter, present and within {@link #MAX_SPEC_CHARS}. */
    public static String specParam(Context ctx) {
        String json = ctx.queryParam("spec");
        if (json == null || json.isBlank()) {
            throw ApiProblem.badRequest("spec", "is required: the URL-encoded JSON spec");
        }
        if (json.length() > MAX_SPEC_CHARS) {
            throw ApiProblem.badRequest("spec", "must be at most " + MAX_SPEC_CHARS + " characters");
        }
        return json;
    }

    /** A spec from a query parameter: errors in the JSON text itself name {@code spec}. */
    public static RunSpec parseSpec(String json) {
        try {
            return parseSpec(json.getBytes(StandardCharsets.UTF_8));
        } catch (ApiProblem p) {
            if ("body".equals(p.field())) {
                throw ApiProblem.badRequest("spec", p.detail());
            }
            throw p;
        }
    }

    /** Parses and validates a spec from JSON text; every failure is an {@link ApiProblem}. */
    public static RunSpec parseSpec(byte[] json) {
        Map<String, Object> tree = RequestJson.object(json, "body", "a JSON object");
        try {
            return RunSpec.fromJson(tree);
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
    }
}
