package io.downhill.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.downhill.optim.Work;
import io.downhill.optim.problems.DataPoint;
import io.downhill.optim.problems.DataProblem;
import io.downhill.optim.problems.Problem;
import io.downhill.web.Compute;
import io.downhill.web.JsonJob;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * {@code GET /api/landscape?problem={"name":"rosenbrock"}&n=80}: the function sampled on a grid
 * over its plot range, for the curve or contour a widget draws under the path; for a data problem
 * ({@code &seed=} picks the dataset) its points and its least loss.
 */
final class LandscapeApi {
    static final int MAX_GRID_2D = 200;
    static final int MAX_GRID_1D = 1000;

    private LandscapeApi() {}

    static void landscape(Context ctx, Compute compute) {
        Problem problem = ProblemInput.problem(ctx.queryParam("problem"), ProblemInput.seed(ctx.queryParam("seed")));
        ctx.header("Cache-Control", "public, max-age=3600");
        if (problem instanceof DataProblem data) {
            compute.respondJson(ctx, Work.grid(data, data.size()), JsonJob.whole(g -> dataset(g, data)));
            return;
        }
        int dimension = problem.dimension();
        int max = dimension == 1 ? MAX_GRID_1D : MAX_GRID_2D;
        int n = Params.integer(ctx.queryParam("n"), "n", dimension == 1 ? 400 : 80, 2, max);
        long cells = dimension == 1 ? n : (long) n * n;
        long cost = Work.grid(problem, cells);
        Compute.requireWithinBound(cost, "n", "Ask for a coarser grid or a simpler function.");
        compute.respondJson(ctx, cost, new Grid(problem, n));
    }

    /** The function on an n (× n) grid, a row per piece, then its range, minima and default start. */
    private static final class Grid extends JsonJob {
        private final Problem problem;
        private final int n;
        private final double[] xs;
        private final double[] ys;
        private final double[] row;
        private final double[] point = new double[2];
        private double min = Double.POSITIVE_INFINITY;
        private int j = -1;

        Grid(Problem problem, int n) {
            this.problem = problem;
            this.n = n;
            double[][] range = problem.range();
            this.xs = grid(range[0], n);
            this.ys = problem.dimension() == 2 ? grid(range[1], n) : null;
            this.row = new double[n];
        }

        @Override
        protected boolean piece(JsonGenerator g) throws IOException {
            if (j == -1) {
                g.writeStartObject();
                g.writeStringField("name", problem.name());
                g.writeStringField("kind", problem.kind());
                g.writeFieldName("x");
                g.writeArray(xs, 0, n);
                if (ys == null) {
                    oneDimensional(g);
                    return false;
                }
                g.writeFieldName("y");
                g.writeArray(ys, 0, n);
                g.writeArrayFieldStart("z");
                j = 0;
                return true;
            }
            for (int i = 0; i < n; i++) {
                point[0] = xs[i];
                point[1] = ys[j];
                row[i] = problem.value(point);
                min = Math.min(min, row[i]);
            }
            g.writeArray(row, 0, n);
            if (++j < n) {
                return true;
            }
            g.writeEndArray();
            g.writeNumberField("min", min);
            g.writeArrayFieldStart("minima");
            for (double[] m : problem.minima()) {
                g.writeArray(m, 0, m.length);
            }
            g.writeEndArray();
            finish(g);
            return false;
        }

        private void oneDimensional(JsonGenerator g) throws IOException {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = problem.value(new double[] {xs[i]});
            }
            g.writeFieldName("y");
            g.writeArray(values, 0, n);
            g.writeArrayFieldStart("minima");
            for (double[] m : problem.minima()) {
                g.writeArray(new double[] {m[0], problem.value(m)}, 0, 2);
            }
            g.writeEndArray();
            finish(g);
        }

        private void finish(JsonGenerator g) throws IOException {
            g.writeArrayFieldStart("range");
            for (double[] r : problem.range()) {
                g.writeArray(r, 0, 2);
            }
            g.writeEndArray();
            double[] start = problem.defaultStart();
            g.writeFieldName("defaultStart");
            g.writeArray(start, 0, start.length);
            g.writeEndObject();
        }
    }

    /**
     * A data problem has no grid to draw; it answers with its data points and the least loss
     * (at the known optimum), so a widget can plot how far a run is from the best fit.
     */
    private static void dataset(JsonGenerator g, DataProblem data) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", data.name());
        g.writeStringField("kind", data.kind());
        g.writeArrayFieldStart("points");
        for (DataPoint p : data.points()) {
            g.writeStartObject();
            g.writeFieldName("x");
            g.writeArray(p.x(), 0, p.x().length);
            g.writeNumberField("y", p.y());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("minima");
        for (double[] m : data.minima()) {
            g.writeArray(m, 0, m.length);
        }
        g.writeEndArray();
        if (!data.minima().isEmpty()) {
            g.writeNumberField("min", data.value(data.minima().get(0)));
        }
        double[] start = data.defaultStart();
        g.writeFieldName("defaultStart");
        g.writeArray(start, 0, start.length);
        g.writeEndObject();
    }

    private static double[] grid(double[] range, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = range[0] + (range[1] - range[0]) * i / (n - 1);
        }
        return g;
    }
}
