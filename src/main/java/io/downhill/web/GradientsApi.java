package io.downhill.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.downhill.optim.GradientCloud;
import io.downhill.optim.SpecException;
import io.downhill.optim.problems.DataProblem;
import io.downhill.optim.problems.Problem;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/gradients?problem=…&seed=…&params=[w,b]&batch_size=B&samples=K}: the full
 * gradient of a data problem at a point and K real mini-batch gradients around it.
 */
final class GradientsApi {
    private GradientsApi() {}

    static void gradients(Context ctx) throws IOException {
        long seed = LandscapeApi.seed(ctx.queryParam("seed"));
        Problem problem = LandscapeApi.problem(ctx.queryParam("problem"), seed);
        if (!(problem instanceof DataProblem data)) {
            throw ApiProblem.badRequest("problem", "mini-batch gradients exist for data problems only (linear-regression, logistic-regression)");
        }
        double[] params = params(ctx.queryParam("params"), data.dimension());
        int batch = integer(ctx.queryParam("batch_size"), "batch_size", 1);
        int samples = integer(ctx.queryParam("samples"), "samples", 60);
        GradientCloud cloud;
        try {
            cloud = GradientCloud.sample(data, params, batch, samples, seed + 1);
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(samples * 48 + 64);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
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
        }
        ctx.contentType("application/json").result(out.toByteArray());
    }

    private static double[] params(String json, int dimension) {
        try {
            List<?> list = json == null ? null : Json.MAPPER.readValue(json, List.class);
            if (list == null || list.size() != dimension) {
                throw ApiProblem.badRequest("params", "must be a JSON list of " + dimension + " numbers");
            }
            double[] out = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue()) || Math.abs(n.doubleValue()) > 1e6) {
                    throw ApiProblem.badRequest("params", "must hold finite numbers within ±1e6");
                }
                out[i] = ((Number) list.get(i)).doubleValue();
            }
            return out;
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("params", "must be a JSON list of " + dimension + " numbers");
        }
    }

    private static int integer(String value, String field, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(field, "must be a whole number");
        }
    }
}
