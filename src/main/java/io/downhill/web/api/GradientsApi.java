package io.downhill.web.api;

import io.downhill.optim.GradientCloud;
import io.downhill.optim.SpecException;
import io.downhill.optim.Work;
import io.downhill.optim.problems.DataProblem;
import io.downhill.optim.problems.Problem;
import io.downhill.web.ApiProblem;
import io.downhill.web.Compute;
import io.downhill.web.JsonJob;
import io.javalin.http.Context;

/**
 * {@code GET /api/gradients?problem=…&seed=…&params=[w,b]&batch_size=B&samples=K}: the full
 * gradient of a data problem at a point and K real mini-batch gradients around it.
 */
final class GradientsApi {
    private GradientsApi() {}

    static void gradients(Context ctx, Compute compute) {
        long seed = ProblemInput.seed(ctx.queryParam("seed"));
        Problem problem = ProblemInput.problem(ctx.queryParam("problem"), seed);
        if (!(problem instanceof DataProblem data)) {
            throw ApiProblem.badRequest("problem", "mini-batch gradients exist for data problems only (linear-regression, logistic-regression)");
        }
        double[] params = Params.point(ctx.queryParam("params"), data.dimension(), "params");
        int batch = Params.integer(ctx.queryParam("batch_size"), "batch_size", 1, 1, data.size());
        int samples = Params.integer(ctx.queryParam("samples"), "samples", 60, 1, GradientCloud.MAX_SAMPLES);
        // the full gradient, then each sample's batch gradient
        long cost = Work.grid(data, 1) * (1 + samples * (long) batch / data.size() + 1);
        compute.respondJson(ctx, cost, JsonJob.whole(g -> {
            GradientCloud cloud;
            try {
                cloud = GradientCloud.sample(data, params, batch, samples, seed + 1);
            } catch (SpecException e) {
                throw ApiProblem.badRequest(e.field(), e.detail());
            }
            g.writeStartObject();
            g.writeFieldName("full");
            g.writeArray(cloud.full(), 0, cloud.full().length);
            g.writeArrayFieldStart("batches");
            for (double[] b : cloud.batches()) {
                g.writeArray(b, 0, b.length);
            }
            g.writeEndArray();
            g.writeNumberField("spread", cloud.spread());
            g.writeEndObject();
        }));
    }
}
