package io.downhill.web;

import io.downhill.optim.BasinMap;
import io.downhill.optim.RunSpec;
import io.downhill.optim.SpecException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/basins?spec=…&n=40&rows=0-9}: a few rows of a basin map at a time, so a widget
 * fills the map in with a progress bar and stops asking when the learner cancels. Work per
 * request is bounded: at most 10 rows of at most 60 starts, each run at most 500 steps.
 */
final class BasinsApi {
    static final int MAX_ROWS = 10;
    static final int MAX_STEPS = 500;

    private BasinsApi() {}

    static void basins(Context ctx) {
        String json = ctx.queryParam("spec");
        if (json == null || json.length() > RunStreams.MAX_SPEC_CHARS) {
            throw ApiProblem.badRequest("spec", "is required and at most " + RunStreams.MAX_SPEC_CHARS + " characters");
        }
        RunSpec spec = RunApi.parseSpec(json.getBytes(StandardCharsets.UTF_8));
        if (spec.dimension() != 2) {
            throw ApiProblem.badRequest("spec.problem", "a basin map needs a 2D problem");
        }
        if (spec.stop().maxSteps() > MAX_STEPS) {
            throw ApiProblem.badRequest("spec.stop.max_steps", "must be at most " + MAX_STEPS + " for a basin map");
        }
        int n = Params.integer(ctx.queryParam("n"), "n", 40, 2, BasinMap.MAX_GRID);
        int[] rows = rows(ctx.queryParam("rows"));
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            body.put("n", n);
            body.put("x", BasinMap.axis(spec, 0, n));
            body.put("y", BasinMap.axis(spec, 1, n));
            for (int j = rows[0]; j <= rows[1]; j++) {
                out.add(Map.of("j", j, "cells", BasinMap.row(spec, n, j)));
            }
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
        body.put("rows", out);
        ctx.json(body);
    }

    private static int[] rows(String value) {
        String v = value == null ? "0-9" : value.strip();
        String[] parts = v.split("-");
        try {
            int from = Integer.parseInt(parts[0]);
            int to = parts.length > 1 ? Integer.parseInt(parts[1]) : from;
            if (from < 0 || to < from || to - from + 1 > MAX_ROWS) {
                throw new NumberFormatException();
            }
            return new int[] {from, to};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw ApiProblem.badRequest("rows", "must be 'from-to' with at most " + MAX_ROWS + " rows, e.g. 0-9");
        }
    }

}
