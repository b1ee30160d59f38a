package io.downhill.optim;

import io.downhill.optim.optimizers.OptimizerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learning-rate sweep: each optimizer runs at every lr of a log grid on the same problem, start,
 * step budget and seed, and the best lr is picked for each. Racing optimizers at hand-picked rates
 * compares the picks as much as the methods; racing each at its own best compares the methods.
 *
 * <p><b>What "best" means</b>: the fewest steps until the loss drops below the tolerance and stays
 * there to the end of the budget (the race ranks its runners by arrival; a large lr that dips
 * below the tolerance once and bounces back out has not arrived); among lrs that tie, or when no
 * lr gets there, the lowest final loss. A run that diverges is never best; when every lr diverges
 * there is no best.
 *
 * <p>Request JSON: a run spec without {@code optimizer} ({@code problem}, {@code start},
 * {@code stop}, {@code seed}, ...), plus {@code optimizers} (1 to one of each registered), {@code lr_min}
 * (default 1e-4), {@code lr_max} (default 10), {@code points} (2 to {@link #MAX_POINTS}, default 13)
 * and {@code tolerance} (default 1e-3). Work is bounded: optimizers × points × max_steps ≤
 * {@link #MAX_WORK}.
 */
public final class LrSweep {
    public static final int MAX_POINTS = 13;
    /** The rates a sweep spans unless its request says otherwise. */
    public static final double LR_MIN = 1e-4;
    public static final double LR_MAX = 10;
    /** Steps one sweep may run in total. */
    public static final long MAX_WORK = 500_000;

    private static final List<String> OWN = List.of("optimizers", "lr_min", "lr_max", "points", "tolerance");

    private LrSweep() {}

    /**
     * One lr of a sweep: the loss after the last step, the step from which the loss stayed below the
     * tolerance to the end (null if it never settled there), and how the run ended.
     */
    public record Point(double lr, Double finalLoss, Integer reachedAt, String status, int steps) {}

    /** An optimizer's sweep and its best lr (null when every lr diverged). */
    public record Curve(String optimizer, List<Point> points, Double bestLr, Integer bestIndex) {}

    /** A validated sweep request. */
    public record Request(Map<String, Object> base, List<String> optimizers, double[] lrs, double tolerance, int maxSteps) {
        /** Steps the sweep will run at most. */
        public long work() {
            return LrSweep.work(optimizers.size(), lrs.length, maxSteps);
        }
    }

    /** The most steps a sweep of this size can run. */
    public static long work(int optimizers, int points, int maxSteps) {
        return (long) optimizers * points * maxSteps;
    }

    /** n learning rates from lo to hi, evenly spaced on a log scale: lo·(hi/lo)^(k/(n−1)). */
    public static double[] grid(double lo, double hi, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = k == n - 1 ? hi : lo * StrictMath.pow(hi / lo, (double) k / (n - 1));
        }
        return out;
    }

    /**
     * Validates a request.
     *
     * @throws SpecException naming the field and its allowed range
     */
    public static Request parse(Map<String, Object> json) {
        if (json == null) {
            throw new SpecException("spec", "must be a JSON object");
        }
        Map<String, Object> base = new LinkedHashMap<>(json);
        OWN.forEach(base::remove);
        if (base.containsKey("optimizer")) {
            throw new SpecException("optimizer", "is set by the sweep; list the names in 'optimizers'");
        }
        Registry registry = Registry.BUILT_IN;
        String need = "must be a list of 1 to " + registry.optimizers().size() + " optimizer names";
        List<?> names = JsonTree.list(json.get("optimizers"), "optimizers", need);
        if (names.isEmpty() || names.size() > registry.optimizers().size()) {
            throw new SpecException("optimizers", need);
        }
        List<String> optimizers = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String field = "optimizers[" + i + "]";
            String rule = "must be one of: " + String.join(", ", registry.optimizerNames());
            String name = JsonTree.string(names.get(i), field, rule);
            if (registry.optimizer(name) == null) {
                throw new SpecException(field, "unknown optimizer '" + name + "'; " + rule);
            }
            if (optimizers.contains(name)) {
                throw new SpecException(field, "lists '" + name + "' twice");
            }
            optimizers.add(name);
        }
        Range lrRange = Range.aboveUpTo(0, OptimizerType.MAX_LR);
        double lo = (Double) ParamDef.number("lr_min", LR_MIN, lrRange, "").read(json.get("lr_min"), "lr_min");
        double hi = (Double) ParamDef.number("lr_max", LR_MAX, lrRange, "").read(json.get("lr_max"), "lr_max");
        if (hi <= lo) {
            throw new SpecException("lr_max", "must be greater than lr_min (" + lo + ")");
        }
        int points = (Integer) ParamDef.integer("points", MAX_POINTS, Range.closed(2, MAX_POINTS), "").read(json.get("points"), "points");
        double tolerance = (Double) ParamDef.number("tolerance", 1e-3, Range.aboveUpTo(0, 1e6), "")
                .read(json.get("tolerance"), "tolerance");
        // validate the base once with the first optimizer, so problem and stop errors name their fields
        RunSpec probe = RunSpec.fromJson(withOptimizer(base, optimizers.get(0), lo));
        int maxSteps = probe.stop().maxSteps();
        long work = work(optimizers.size(), points, maxSteps);
        if (work > MAX_WORK) {
            throw new SpecException("stop.max_steps", "optimizers × points × stop.max_steps must be at most "
                    + MAX_WORK + " (here " + optimizers.size() + " × " + points + " × " + maxSteps + " = " + work + ")");
        }
        return new Request(base, List.copyOf(optimizers), grid(lo, hi, points), tolerance, maxSteps);
    }

    /** Runs the whole sweep: one curve per optimizer, in the request's order. */
    public static List<Curve> run(Request request) {
        List<Curve> out = new ArrayList<>();
        for (String name : request.optimizers()) {
            out.add(sweep(request.base(), name, request.lrs(), request.tolerance()));
        }
        return out;
    }

    /** One optimizer at every lr of the grid, and its best lr. */
    public static Curve sweep(Map<String, Object> base, String optimizer, double[] lrs, double tolerance) {
        List<Point> points = new ArrayList<>();
        Integer best = null;
        for (int k = 0; k < lrs.length; k++) {
            Point p = point(RunSpec.fromJson(withOptimizer(base, optimizer, lrs[k])), tolerance);
            points.add(p);
            if (better(p, best == null ? null : points.get(best))) {
                best = k;
            }
        }
        return new Curve(optimizer, List.copyOf(points), best == null ? null : lrs[best], best);
    }

    static Point point(RunSpec spec, double tolerance) {
        Run run = Run.start(spec);
        Step last = null;
        Integer settled = null;
        while (run.hasNext()) {
            last = run.next();
            if (last.loss() >= tolerance || Double.isNaN(last.loss())) {
                settled = null;
            } else if (settled == null) {
                settled = last.t();
            }
        }
        boolean diverged = Status.DIVERGED.equals(run.status().reason());
        return new Point(spec.optimizer().lr(), diverged ? null : last.loss(), diverged ? null : settled,
                run.status().reason(), run.status().steps());
    }

    /** Is {@code p} better than the best so far? Earlier arrival first, then lower final loss. */
    static boolean better(Point p, Point best) {
        if (p.finalLoss() == null) {
            return false;
        }
        if (best == null) {
            return true;
        }
        if (p.reachedAt() != null || best.reachedAt() != null) {
            if (best.reachedAt() == null) {
                return true;
            }
            if (p.reachedAt() == null) {
                return false;
            }
            if (!p.reachedAt().equals(best.reachedAt())) {
                return p.reachedAt() < best.reachedAt();
            }
        }
        return p.finalLoss() < best.finalLoss();
    }

    private static Map<String, Object> withOptimizer(Map<String, Object> base, String name, double lr) {
        Map<String, Object> spec = new LinkedHashMap<>(base);
        spec.put("optimizer", Map.of("name", name, "lr", lr));
        return spec;
    }
}
