package io.downhill.optim;

import io.downhill.optim.problems.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that determines a run; the same spec always gives the same steps, bit for bit. Build
 * it with {@link #fromJson}, which validates every value and fills in every default, so a RunSpec
 * is complete and explicit (the canonical constructor only copies; it does not validate).
 *
 * @param start the start point, never null (the problem's default start when the JSON has none)
 * @param seed dataset and mini-batch randomness, 0..2^53
 */
public record RunSpec(
        ProblemSpec problem,
        double[] start,
        OptimizerSpec optimizer,
        ScheduleSpec schedule,
        GradientSpec gradient,
        StopSpec stop,
        List<Change> changes,
        long seed) {

    public RunSpec {
        start = start.clone();
        changes = List.copyOf(changes);
    }

    /**
     * Strictly validates a JSON tree ({@code Map<String,Object>} with Lists, Numbers, Strings,
     * Booleans and nulls). Unknown fields anywhere are rejected; null counts as absent. The
     * optimizer is one of {@link Registry#BUILT_IN}.
     *
     * @throws SpecException naming the first offending field and what it allows
     */
    public static RunSpec fromJson(Map<String, Object> json) {
        return Registry.BUILT_IN.parse(json);
    }

    /** Number of parameters of the problem. */
    public int dimension() {
        return start.length;
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    /** The problem instance this spec runs on (for data problems: the dataset drawn from the seed). */
    public Problem createProblem() {
        return Problems.create(problem, seed);
    }

    /**
     * The spec as a JSON tree with every default written out; {@code fromJson(toJson())} equals this
     * spec. Handy as a cache key or a shareable, fully explicit spec.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        // An expression problem has no name field: its expression takes the name's place.
        out.put("problem", problem.name().equals(ExpressionSpecs.NAME)
                ? new LinkedHashMap<>(problem.params())
                : named(problem.name(), problem.params()));
        List<Double> s = new ArrayList<>();
        for (double v : start) {
            s.add(v);
        }
        out.put("start", s);
        out.put("optimizer", named(optimizer.name(), optimizer.params()));
        out.put("schedule", scheduleJson(schedule));
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("method", gradient.method());
        if (gradient.h() != null) {
            g.put("h", gradient.h());
        }
        out.put("gradient", g);
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("max_steps", stop.maxSteps());
        putIfSet(st, "grad_norm", stop.gradNorm());
        putIfSet(st, "loss_change", stop.lossChange());
        putIfSet(st, "param_change", stop.paramChange());
        out.put("stop", st);
        List<Object> cs = new ArrayList<>();
        for (Change c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", c.at());
            m.putAll(c.values());
            cs.add(m);
        }
        out.put("changes", cs);
        out.put("seed", seed);
        return out;
    }

    private static Map<String, Object> named(String name, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        params.forEach((k, v) -> putIfSet(m, k, v));
        return m;
    }

    private static Map<String, Object> scheduleJson(ScheduleSpec spec) {
        Map<String, Object> m = named(spec.name(), spec.params());
        if (m.get("then") instanceof ScheduleSpec inner) {
            m.put("then", scheduleJson(inner));
        }
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    // double[] compares by identity in a plain record; a spec is a value, so compare contents.
    @Override
    public boolean equals(Object o) {
        return o instanceof RunSpec r
                && seed == r.seed
                && problem.equals(r.problem)
                && Arrays.equals(start, r.start)
                && optimizer.equals(r.optimizer)
                && schedule.equals(r.schedule)
                && gradient.equals(r.gradient)
                && stop.equals(r.stop)
                && changes.equals(r.changes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(problem, Arrays.hashCode(start), optimizer, schedule, gradient, stop, changes, seed);
    }

    @Override
    public String toString() {
        return "RunSpec" + toJson();
    }
}
