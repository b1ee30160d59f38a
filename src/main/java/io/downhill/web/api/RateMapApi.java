package io.downhill.web.api;

import io.downhill.optim.MomentumRates;
import io.downhill.optim.SpecException;
import io.downhill.optim.Work;
import io.downhill.web.ApiProblem;
import io.downhill.web.Compute;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/rate-map?kappa=10&n=61[&lr=0.2&momentum=0.3]}: the predicted convergence rate of
 * heavy-ball momentum over a grid of (η, μ) for ½(x² + κy²), the optimum and the best plain
 * descent; with {@code lr} and {@code momentum}, also the rate a real run of the engine measures at
 * that point ({@code n=0} leaves the map out). Work per request: n² closed-form cells plus one run
 * of 400 steps.
 */
final class RateMapApi {
    static final double MAX_MOMENTUM = 0.999;
    static final double MAX_LR = 10;

    private RateMapApi() {}

    /** The work a request will do, in units of one cell or one step, before any is done. */
    static long work(int n, boolean point) {
        return 2L * n * n + (point ? MomentumRates.MEASURE_STEPS : 0);
    }

    /** The request read once, with its cost in work units: a map cell is an eigenvalue problem, a step a run's step. */
    static Compute.Planned plan(Context ctx) {
        int n = grid(ctx.queryParam("n"));
        boolean point = ctx.queryParam("lr") != null || ctx.queryParam("momentum") != null;
        return new Compute.Planned(200L * 2 * n * n + (point ? Work.steps(MomentumRates.MEASURE_STEPS) : 0),
                c -> rateMap(c, n, point));
    }

    private static void rateMap(Context ctx, int n, boolean point) {
        double kappa = Params.number(ctx.queryParam("kappa"), "kappa", 10, MomentumRates.MIN_KAPPA, MomentumRates.MAX_KAPPA, false);
        Double lr = point ? Params.number(ctx.queryParam("lr"), "lr", Double.NaN, 0, MAX_LR, true) : null;
        Double mu = point ? Params.number(ctx.queryParam("momentum"), "momentum", 0, 0, MAX_MOMENTUM, false) : null;
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("kappa", kappa);
            body.put("m", 1.0);
            body.put("L", kappa);
            body.put("n", n);
            if (n > 0) {
                body.putAll(MomentumRates.map(kappa, n));
            }
            body.put("lr_max", MomentumRates.largestStableLr(kappa));
            body.put("optimum", MomentumRates.optimum(1, kappa));
            body.put("plain", MomentumRates.bestPlain(1, kappa));
            if (point) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("lr", lr);
                p.put("momentum", mu);
                p.put("predicted", MomentumRates.rate(lr, mu, 1, kappa));
                p.put("measured", MomentumRates.measured(kappa, lr, mu));
                p.put("steps", MomentumRates.MEASURE_STEPS);
                body.put("point", p);
            }
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.json(body);
    }

    /** 0 (no map) or 2..MAX_GRID; 61 when absent. */
    static int grid(String value) {
        String rule = "must be 0 (no map) or a whole number from 2 to " + MomentumRates.MAX_GRID;
        try {
            int n = Params.integer(value, "n", 61, 0, MomentumRates.MAX_GRID);
            if (n == 1) {
                throw ApiProblem.badRequest("n", rule);
            }
            return n;
        } catch (ApiProblem e) {
            throw ApiProblem.badRequest("n", rule);
        }
    }
}
