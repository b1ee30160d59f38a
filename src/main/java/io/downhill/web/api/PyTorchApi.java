package io.downhill.web.api;

import io.downhill.optim.RunSpec;
import io.downhill.optim.SpecException;
import io.downhill.pytorch.PyTorchScript;
import io.downhill.optim.Work;
import io.downhill.web.ApiProblem;
import io.downhill.web.Compute;
import io.downhill.web.RequestJson;
import io.downhill.web.RunRequests;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/runs/pytorch?spec=…}: a PyTorch script reproducing a run spec, or a JSON list of up
 * to 8 specs on the same problem (a race), as {@code text/x-python}. The engine replays each run
 * once for the script's comments, so the work is the sum of the specs' max_steps, each already
 * bounded by the run limits.
 */
final class PyTorchApi {
    private PyTorchApi() {}

    /** The request read once, with its cost in work units: each run is replayed once for the script's comments. */
    static Compute.Planned plan(Context ctx) {
        List<RunSpec> specs = parse(ctx.queryParam("spec"));
        long cost = 0;
        for (RunSpec spec : specs) {
            cost += Work.run(spec);
        }
        return new Compute.Planned(cost, c -> script(c, specs));
    }

    static List<RunSpec> parse(String json) {
        if (json == null || json.length() > RunRequests.MAX_SPEC_CHARS * 2) {
            throw ApiProblem.badRequest("spec", "is required and at most " + RunRequests.MAX_SPEC_CHARS * 2 + " characters");
        }
        Object tree = RequestJson.value(json, "spec", "a run spec or a list of run specs");
        List<?> items = tree instanceof List<?> l ? l : List.of(tree == null ? "" : tree);
        if (items.isEmpty() || items.size() > PyTorchScript.MAX_RUNS) {
            throw ApiProblem.badRequest("spec", "must hold 1 to " + PyTorchScript.MAX_RUNS + " run specs");
        }
        List<RunSpec> specs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = tree instanceof List ? "spec[" + i + "]" : "spec";
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw ApiProblem.badRequest(prefix, "must be a run spec (a JSON object)");
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> spec = (Map<String, Object>) m;
                specs.add(RunSpec.fromJson(spec));
            } catch (SpecException e) {
                throw ApiProblem.badRequest(prefix + "." + e.field(), e.detail());
            }
        }
        for (int i = 1; i < specs.size(); i++) {
            if (!sameData(specs.get(i), specs.get(0))) {
                throw ApiProblem.badRequest("spec[" + i + "].problem", "must be the same problem (and for data, the same seed) as spec[0]: one script, one problem");
            }
        }
        return specs;
    }

    /** One script defines one problem: the runs may differ in batch size, not in the problem or its data. */
    private static boolean sameData(RunSpec a, RunSpec b) {
        Map<String, Object> pa = new java.util.HashMap<>(a.problem().params());
        Map<String, Object> pb = new java.util.HashMap<>(b.problem().params());
        pa.remove("batch_size");
        pb.remove("batch_size");
        boolean data = pa.containsKey("n");
        return a.problem().name().equals(b.problem().name()) && pa.equals(pb) && (!data || a.seed() == b.seed());
    }

    private static void script(Context ctx, List<RunSpec> specs) {
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType("text/x-python; charset=utf-8").result(PyTorchScript.generate(specs));
    }
}
