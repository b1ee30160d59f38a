package io.downhill.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.downhill.optim.BasinMap;
import io.downhill.optim.Run;
import io.downhill.optim.RunSpec;
import io.downhill.optim.SpecException;
import io.downhill.optim.Step;
import io.downhill.optim.Work;
import io.downhill.optim.problems.Problem;
import io.downhill.web.ApiProblem;
import io.downhill.web.Compute;
import io.downhill.web.JsonJob;
import io.downhill.web.RunRequests;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * {@code GET /api/basins?spec=…&n=40&rows=0-9}: a few rows of a basin map at a time, so a widget
 * fills the map in with a progress bar and stops asking when the learner cancels. Work per
 * request is bounded by rows (10), grid (60), steps (500) and, above all, by its cost: a costly
 * function or gradient method allows fewer runs per request.
 */
final class BasinsApi {
    static final int MAX_ROWS = 10;
    static final int MAX_STEPS = 500;
    /** Steps of one run per piece of work, so a costly function still yields often. */
    private static final int STEPS_PER_PIECE = 50;

    private BasinsApi() {}

    static void basins(Context ctx, Compute compute) {
        RunSpec spec = RunRequests.parseSpec(RunRequests.specParam(ctx));
        if (spec.dimension() != 2) {
            throw ApiProblem.badRequest("spec.problem", "a basin map needs a 2D problem");
        }
        if (spec.stop().maxSteps() > MAX_STEPS) {
            throw ApiProblem.badRequest("spec.stop.max_steps", "must be at most " + MAX_STEPS + " for a basin map");
        }
        int n = Params.integer(ctx.queryParam("n"), "n", 40, 2, BasinMap.MAX_GRID);
        int[] rows = rows(ctx.queryParam("rows"));
        if (rows[1] >= n) {
            throw ApiProblem.badRequest("rows", "must lie within 0 to " + (n - 1));
        }
        long cost = Work.basins(spec, n, rows[1] - rows[0] + 1);
        Compute.requireWithinBound(cost, "rows", "Ask for fewer rows per request, a coarser grid or fewer steps.");
        try {
            compute.respondJson(ctx, cost, new Map(spec, n, rows[0], rows[1]));
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
    }

    /** The map's rows, computed a few steps of one start's run at a time. */
    private static final class Map extends JsonJob {
        private final RunSpec spec;
        private final Problem problem;
        private final int n;
        private final int lastRow;
        private final double[] xs;
        private final double[] ys;
        private final int[] cells;
        private boolean started;
        private int j;
        private int i;
        private Run run;
        private Step last;

        Map(RunSpec spec, int n, int firstRow, int lastRow) {
            this.spec = spec;
            this.problem = spec.createProblem();
            this.n = n;
            this.lastRow = lastRow;
            this.j = firstRow;
            this.xs = BasinMap.axis(spec, 0, n);
            this.ys = BasinMap.axis(spec, 1, n);
            this.cells = new int[n];
        }

        @Override
        protected boolean piece(JsonGenerator g) throws IOException {
            if (!started) {
                started = true;
                g.writeStartObject();
                g.writeNumberField("n", n);
                g.writeFieldName("x");
                g.writeArray(xs, 0, n);
                g.writeFieldName("y");
                g.writeArray(ys, 0, n);
                g.writeArrayFieldStart("rows");
                return true;
            }
            if (run == null) {
                run = Run.start(BasinMap.from(spec, xs[i], ys[j]));
            }
            for (int k = 0; k < STEPS_PER_PIECE && run.hasNext(); k++) {
                last = run.next();
            }
            if (run.hasNext()) {
                return true;
            }
            cells[i] = BasinMap.classify(problem, run.status(), last.params());
            run = null;
            if (++i < n) {
                return true;
            }
            g.writeStartObject();
            g.writeNumberField("j", j);
            g.writeFieldName("cells");
            g.writeArray(cells, 0, n);
            g.writeEndObject();
            i = 0;
            if (++j <= lastRow) {
                return true;
            }
            g.writeEndArray();
            g.writeEndObject();
            return false;
        }
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
