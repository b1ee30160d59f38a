package io.downhill.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.downhill.optim.Catalog;
import io.downhill.optim.Run;
import io.downhill.optim.RunSpec;
import io.downhill.optim.SpecException;
import io.downhill.optim.Step;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/runs}: a run spec in, the whole trajectory out; and the catalogues that let
 * widgets build their controls from the engine's own list of problems, optimizers and schedules.
 */
final class RunApi {
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long DRAIN_LIMIT = 1024 * 1024;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final byte[] problems;
    private final byte[] optimizers;
    private final byte[] schedules;

    RunApi() {
        try {
            problems = Json.MAPPER.writeValueAsBytes(Map.of("problems", Catalog.problems()));
            optimizers = Json.MAPPER.writeValueAsBytes(Map.of("optimizers", Catalog.optimizers()));
            schedules = Json.MAPPER.writeValueAsBytes(Map.of("schedules", Catalog.schedules()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the catalogue cannot be written as JSON", e);
        }
    }

    void problems(Context ctx) {
        sendCatalogue(ctx, problems);
    }

    void optimizers(Context ctx) {
        sendCatalogue(ctx, optimizers);
    }

    void schedules(Context ctx) {
        sendCatalogue(ctx, schedules);
    }

    private static void sendCatalogue(Context ctx, byte[] json) {
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("application/json").result(json);
    }

    void run(Context ctx) throws IOException {
        byte[] body = readBody(ctx);
        long start = System.nanoTime();
        RunSpec spec = parseSpec(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            Run run = Run.start(spec);
            g.writeStartObject();
            g.writeArrayFieldStart("steps");
            while (run.hasNext()) {
                Step step = run.next();
                Json.writeStep(g, step);
            }
            g.writeEndArray();
            g.writeFieldName("status");
            Json.writeStatus(g, run.status());
            g.writeEndObject();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        ctx.header("Server-Timing", String.format(Locale.ROOT, "run;dur=%.3f", millis));
        ctx.contentType("application/json").result(out.toByteArray());
    }

    /** Parses and validates a spec from JSON text; every failure is an {@link ApiProblem}. */
    static RunSpec parseSpec(byte[] json) {
        Map<String, Object> tree;
        try {
            tree = Json.MAPPER.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw ApiProblem.badRequest("body", "must be a JSON object (" + e.getOriginalMessage() + at + ")");
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "cannot be read: " + e.getMessage());
        }
        if (tree == null) {
            throw ApiProblem.badRequest("body", "must be a JSON object, not null");
        }
        try {
            return RunSpec.fromJson(tree);
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
    }

    /**
     * Reads at most 64 KB. A larger body is refused, but first read and dropped (up to a bound) so
     * that the client, still sending, gets the 400 instead of a reset connection.
     */
    private static byte[] readBody(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                in.skipNBytes(Math.min(Math.max(0, ctx.req().getContentLengthLong() - body.length), DRAIN_LIMIT));
                throw tooLarge();
            }
            return body;
        }
    }

    private static ApiProblem tooLarge() {
        return ApiProblem.badRequest("body", "must be at most " + MAX_BODY_BYTES + " bytes (64 KB)");
    }
}
