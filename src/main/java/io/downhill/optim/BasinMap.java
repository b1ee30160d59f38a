package io.downhill.optim;

import io.downhill.optim.problems.Problem;
import java.util.List;

/**
 * Where runs end, by where they start: a grid of starts over the problem's plot, each run to its
 * stop, each start labelled with the known minimum it reached. Computed a row at a time so that a
 * client can draw the map as it fills in and stop asking at any point.
 */
public final class BasinMap {
    /** The run ended somewhere that is not a known minimum (still travelling, or on a plateau). */
    public static final int NOWHERE = -1;
    /** The run diverged. */
    public static final int DIVERGED = -2;
    public static final int MAX_GRID = 60;

    private BasinMap() {}

    /** The coordinates of the n grid points along coordinate {@code axis} of the plot range. */
    public static double[] axis(RunSpec base, int axis, int n) {
        double[] r = base.createProblem().range()[axis];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r[0] + (r[1] - r[0]) * (i + 0.5) / n;
        }
        return out;
    }

    /**
     * Row j of an n×n map: for each start (x_i, y_j), the index of the known minimum the run ended
     * within 5% of the plot's width of, or {@link #NOWHERE}, or {@link #DIVERGED}.
     */
    public static int[] row(RunSpec base, int n, int j) {
        if (n < 2 || n > MAX_GRID) {
            throw new SpecException("n", "must be from 2 to " + MAX_GRID);
        }
        if (j < 0 || j >= n) {
            throw new SpecException("rows", "must lie within 0 to " + (n - 1));
        }
        Problem problem = base.createProblem();
        double[] xs = axis(base, 0, n);
        double y = axis(base, 1, n)[j];
        int[] cells = new int[n];
        for (int i = 0; i < n; i++) {
            Run run = Run.start(from(base, xs[i], y));
            Step last = null;
            while (run.hasNext()) {
                last = run.next();
            }
            cells[i] = classify(problem, run.status(), last.params());
        }
        return cells;
    }

    /** The base spec started at (x, y). */
    public static RunSpec from(RunSpec base, double x, double y) {
        return new RunSpec(base.problem(), new double[] {x, y}, base.optimizer(), base.schedule(),
                base.gradient(), base.stop(), base.changes(), base.seed());
    }

    /**
     * Where a finished run ended: the index of the known minimum within 5% of the plot's diagonal
     * of its last point, or {@link #NOWHERE}, or {@link #DIVERGED}.
     */
    public static int classify(Problem problem, Status status, double[] last) {
        if (Status.DIVERGED.equals(status.reason())) {
            return DIVERGED;
        }
        double[][] range = problem.range();
        double radius = 0.05 * Math.hypot(range[0][1] - range[0][0], range[1][1] - range[1][0]);
        return nearest(problem.minima(), last, radius);
    }

    private static int nearest(List<double[]> minima, double[] p, double radius) {
        for (int k = 0; k < minima.size(); k++) {
            double[] m = minima.get(k);
            if (Math.hypot(p[0] - m[0], p[1] - m[1]) < radius) {
                return k;
            }
        }
        return NOWHERE;
    }
}
