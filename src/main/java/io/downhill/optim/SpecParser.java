package io.downhill.optim;

import io.downhill.optim.optimizers.OptimizerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a JSON tree into a complete {@link RunSpec}, or throws the first {@link SpecException}. */
final class SpecParser {
    private SpecParser() {}

    static final int MAX_STEPS = 20000;
    static final int MAX_STEPS_DATA = 5000;
    static final long MAX_SEED = 1L << 53;
    static final double MAX_START = 1e6;

    private static final List<String> TOP =
            List.of("problem", "start", "optimizer", "schedule", "gradient", "stop", "changes", "seed");
    private static final List<String> STOP = List.of("max_steps", "grad_norm", "loss_change", "param_change");
    private static final List<String> GRADIENT = List.of("method", "h");
    private static final List<String> METHODS = List.of("analytic", "forward", "central");
    private static final Range TOLERANCE = Range.aboveUpTo(0, 1e6);
    private static final Range H = Range.closed(1e-15, 1);

    static RunSpec parse(Map<String, Object> json, Registry registry) {
        if (json == null) {
            throw new SpecException("spec", "must be a JSON object");
        }
        JsonTree.allowOnly(json, TOP, "");
        ProblemSpec problem = problem(json.get("problem"));
        Problems.Type type = typeOf(problem);
        StopSpec stop = stop(json.get("stop"), type.kind().equals("data") ? MAX_STEPS_DATA : MAX_STEPS);
        double[] start = start(json.get("start"), problem, type);
        OptimizerSpec optimizer = optimizer(json.get("optimizer"), registry);
        ScheduleSpec schedule = json.get("schedule") == null
                ? ScheduleSpec.CONSTANT
                : schedule(json.get("schedule"), "schedule", stop.maxSteps(), true);
        GradientSpec gradient = gradient(json.get("gradient"));
        List<Change> changes = changes(json.get("changes"), optimizer, stop.maxSteps());
        long seed = seed(json.get("seed"));
        return new RunSpec(problem, start, optimizer, schedule, gradient, stop, changes, seed);
    }

    private static String name(Object node, String prefix, List<String> allowed, String what) {
        Map<String, Object> m = JsonTree.object(node, prefix);
        String field = JsonTree.path(prefix, "name");
        String list = "must be one of: " + String.join(", ", allowed);
        Object raw = m.get("name");
        if (raw == null) {
            throw new SpecException(field, "is required; " + list);
        }
        String name = JsonTree.string(raw, field, list);
        if (!allowed.contains(name)) {
            throw new SpecException(field, "unknown " + what + " '" + name + "'; " + list);
        }
        return name;
    }

    /** Reads the fields of {@code m} other than name against {@code defs}, defaults filled in. */
    private static Map<String, Object> params(Map<String, Object> m, List<ParamDef> defs, String prefix) {
        List<String> allowed = new ArrayList<>();
        allowed.add("name");
        defs.forEach(d -> allowed.add(d.name()));
        JsonTree.allowOnly(m, allowed, prefix);
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamDef d : defs) {
            if (!d.type().equals("schedule")) {
                out.put(d.name(), d.read(m.get(d.name()), JsonTree.path(prefix, d.name())));
            }
        }
        return out;
    }

    /** A {@code problem} object on its own: a catalogue name with its parameters, or an expression. */
    static ProblemSpec problem(Object node) {
        if (ExpressionSpecs.isExpression(node)) {
            return ExpressionSpecs.parse(JsonTree.object(node, "problem"));
        }
        return problem(node, problemType(node));
    }

    static Problems.Type typeOf(ProblemSpec problem) {
        return problem.name().equals(ExpressionSpecs.NAME) ? ExpressionSpecs.type(problem) : Problems.type(problem.name());
    }

    private static Problems.Type problemType(Object node) {
        if (node == null) {
            throw new SpecException("problem", "is required");
        }
        List<String> names = new ArrayList<>();
        Problems.TYPES.forEach(t -> names.add(t.name()));
        return Problems.type(name(node, "problem", names, "problem"));
    }

    private static ProblemSpec problem(Object node, Problems.Type type) {
        Map<String, Object> p = params(JsonTree.object(node, "problem"), type.params(), "problem");
        if (type.kind().equals("data")) {
            int n = (Integer) p.get("n");
            Integer b = (Integer) p.get("batch_size");
            if (b == null) {
                p.put("batch_size", n);
            } else if (b > n) {
                throw new SpecException("problem.batch_size", "must be an integer >= 1 and <= n (" + n + ")");
            }
        }
        return new ProblemSpec(type.name(), p);
    }

    private static StopSpec stop(Object node, int maxSteps) {
        if (node == null) {
            throw new SpecException("stop.max_steps", "is required; must be an integer >= 1 and <= " + maxSteps);
        }
        Map<String, Object> m = JsonTree.object(node, "stop");
        JsonTree.allowOnly(m, STOP, "stop");
        ParamDef steps = ParamDef.integer("max_steps", null, Range.closed(1, maxSteps), "");
        Integer n = (Integer) steps.read(m.get("max_steps"), "stop.max_steps");
        if (n == null) {
            throw new SpecException("stop.max_steps", "is required; " + steps.rule());
        }
        return new StopSpec(n, tolerance(m, "grad_norm"), tolerance(m, "loss_change"),
                tolerance(m, "param_change"));
    }

    private static Double tolerance(Map<String, Object> m, String key) {
        return (Double) ParamDef.optionalNumber(key, TOLERANCE, "").read(m.get(key), "stop." + key);
    }

    private static double[] start(Object node, ProblemSpec problem, Problems.Type type) {
        int dim = type.dimension();
        if (node == null) {
            return Problems.defaultStart(problem, type);
        }
        String need = "must have " + dim + (dim == 1 ? " number" : " numbers");
        List<?> l = JsonTree.list(node, "start", need);
        if (l.size() != dim) {
            throw new SpecException("start", need);
        }
        double[] out = new double[dim];
        Range r = Range.closed(-MAX_START, MAX_START);
        for (int i = 0; i < dim; i++) {
            Double d = JsonTree.finite(l.get(i));
            if (d == null || !r.contains(d)) {
                throw new SpecException("start[" + i + "]", "must be a finite number " + r.text());
            }
            out[i] = d;
        }
        return out;
    }

    private static OptimizerSpec optimizer(Object node, Registry registry) {
        if (node == null) {
            throw new SpecException("optimizer", "is required");
        }
        OptimizerType type = registry.optimizer(name(node, "optimizer", registry.optimizerNames(), "optimizer"));
        Map<String, Object> p = params(JsonTree.object(node, "optimizer"), type.params(), "optimizer");
        for (OptimizerType.Rule rule : type.rules()) {
            if (!rule.holds().test(p)) {
                throw new SpecException("optimizer." + rule.param(), rule.detail());
            }
        }
        return new OptimizerSpec(type, p);
    }

    private static ScheduleSpec schedule(Object node, String prefix, int maxSteps, boolean outer) {
        List<String> names = new ArrayList<>();
        Schedules.TYPES.forEach(t -> names.add(t.name()));
        String name = name(node, prefix, names, "schedule");
        if (!outer && name.equals("warmup")) {
            throw new SpecException(JsonTree.path(prefix, "name"), "must not be warmup inside warmup");
        }
        Map<String, Object> m = JsonTree.object(node, prefix);
        Map<String, Object> p = params(m, Schedules.type(name).params(), prefix);
        if (name.equals("cosine") && p.get("T_max") == null) {
            p.put("T_max", maxSteps);
        }
        if (name.equals("warmup")) {
            Object then = m.get("then");
            p.put("then", then == null
                    ? ScheduleSpec.CONSTANT
                    : schedule(then, JsonTree.path(prefix, "then"), maxSteps, false));
        }
        return new ScheduleSpec(name, p);
    }

    private static GradientSpec gradient(Object node) {
        if (node == null) {
            return GradientSpec.ANALYTIC;
        }
        Map<String, Object> m = JsonTree.object(node, "gradient");
        JsonTree.allowOnly(m, GRADIENT, "gradient");
        String method = (String) ParamDef.choice("method", "analytic", METHODS, "")
                .read(m.get("method"), "gradient.method");
        Double h = (Double) ParamDef.optionalNumber("h", H, "").read(m.get("h"), "gradient.h");
        if (h == null) {
            h = switch (method) {
                case "forward" -> GradientSpec.FORWARD_H;
                case "central" -> GradientSpec.CENTRAL_H;
                default -> null;
            };
        }
        return new GradientSpec(method, h);
    }

    private static List<Change> changes(Object node, OptimizerSpec optimizer, int maxSteps) {
        if (node == null) {
            return List.of();
        }
        List<?> list = JsonTree.list(node, "changes", "must be a list of objects");
        List<ParamDef> defs = optimizer.type().params();
        List<String> allowed = new ArrayList<>();
        allowed.add("at");
        defs.forEach(d -> allowed.add(d.name()));
        Map<String, Object> current = new LinkedHashMap<>(optimizer.params());
        List<Change> out = new ArrayList<>();
        int previousAt = 1;
        for (int i = 0; i < list.size(); i++) {
            String prefix = "changes[" + i + "]";
            Map<String, Object> m = JsonTree.object(list.get(i), prefix);
            JsonTree.allowOnly(m, allowed, prefix);
            Long at = JsonTree.integral(m.get("at"));
            if (at == null || at < 1 || at >= maxSteps) {
                throw new SpecException(prefix + ".at",
                        "must be an integer >= 1 and < stop.max_steps (" + maxSteps + ")");
            }
            if (at < previousAt) {
                throw new SpecException(prefix + ".at",
                        "must be >= changes[" + (i - 1) + "].at (" + previousAt + ")");
            }
            previousAt = (int) (long) at;
            Map<String, Object> values = new LinkedHashMap<>();
            for (ParamDef d : defs) {
                if (!m.containsKey(d.name())) {
                    continue;
                }
                String field = prefix + "." + d.name();
                if (d.fixedReason() != null) {
                    throw new SpecException(field, "cannot change mid-run: " + d.fixedReason());
                }
                if (m.get(d.name()) == null && !d.nullable()) {
                    throw new SpecException(field, d.rule());
                }
                values.put(d.name(), d.read(m.get(d.name()), field));
            }
            if (values.isEmpty()) {
                throw new SpecException(prefix, "must change at least one of: " + String.join(", ", allowed.subList(1, allowed.size())));
            }
            current.putAll(values);
            for (OptimizerType.Rule rule : optimizer.type().rules()) {
                if (!rule.holds().test(current)) {
                    String key = rule.involves().stream().filter(values::containsKey).findFirst().orElse(rule.param());
                    throw new SpecException(prefix + "." + key, rule.param() + " " + rule.detail());
                }
            }
            out.add(new Change(previousAt, values));
        }
        return out;
    }

    private static long seed(Object node) {
        if (node == null) {
            return 0;
        }
        Long s = JsonTree.integral(node);
        if (s == null || s < 0 || s > MAX_SEED) {
            throw new SpecException("seed", "must be an integer >= 0 and <= " + MAX_SEED);
        }
        return s;
    }
}
