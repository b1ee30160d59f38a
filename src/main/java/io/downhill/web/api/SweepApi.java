package io.downhill.web.api;

import io.downhill.optim.LrSweep;
import io.downhill.optim.SpecException;
import io.downhill.optim.Work;
import io.downhill.web.ApiProblem;
import io.downhill.web.Compute;
import io.downhill.web.RequestJson;
import io.downhill.web.RunRequests;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/sweep?spec=…}: a learning-rate sweep for the race's "tune" mode. The spec is a run
 * spec without {@code optimizer}, plus {@code optimizers}, {@code lr_min}, {@code lr_max},
 * {@code points} and {@code tolerance} (see {@link LrSweep}). Work is bounded before any is done:
 * optimizers × points × max_steps ≤ 500,000 steps, else a 400 naming {@code stop.max_steps}.
 */
final class SweepApi {

    private SweepApi() {}

    /** The request read once, with its cost in work units (its steps, known before any runs). */
    static Compute.Planned plan(Context ctx) {
        LrSweep.Request request = parse(ctx.queryParam("spec"));
        return new Compute.Planned(Work.steps(request.work()), c -> sweep(c, request));
    }

    static LrSweep.Request parse(String json) {
        if (json == null || json.length() > RunRequests.MAX_SPEC_CHARS) {
            throw ApiProblem.badRequest("spec", "is required and at most " + RunRequests.MAX_SPEC_CHARS + " characters");
        }
        Map<String, Object> tree = RequestJson.object(json, "spec", "a JSON object");
        try {
            return LrSweep.parse(tree);
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
    }

    private static void sweep(Context ctx, LrSweep.Request request) {
        List<Map<String, Object>> curves = new ArrayList<>();
        try {
            for (LrSweep.Curve c : LrSweep.run(request)) {
                List<Map<String, Object>> points = new ArrayList<>();
                for (LrSweep.Point p : c.points()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("lr", p.lr());
                    m.put("final_loss", p.finalLoss());
                    m.put("reached_at", p.reachedAt());
                    m.put("status", p.status());
                    m.put("steps", p.steps());
                    points.add(m);
                }
                Map<String, Object> curve = new LinkedHashMap<>();
                curve.put("optimizer", c.optimizer());
                curve.put("points", points);
                curve.put("best_lr", c.bestLr());
                curve.put("best_index", c.bestIndex());
                curves.add(curve);
            }
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lrs", request.lrs());
        body.put("tolerance", request.tolerance());
        body.put("max_steps", request.maxSteps());
        body.put("criterion", "fewest steps until the loss stays below the tolerance, then lowest final loss; diverged runs never win");
        body.put("curves", curves);
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.json(body);
    }
}
