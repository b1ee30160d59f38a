package io.downhill.widget;

import io.downhill.optim.Catalog;
import io.downhill.optim.OptimizerInfo;
import io.downhill.optim.ProblemInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What widgets take from the engine: its names, its parameter ranges and the names people read.
 * Widgets ask here and nowhere else, so the engine's registrations can change behind this class.
 */
public final class EngineFacts {
    private EngineFacts() {}

    /** The longest function an author or a learner may write. */
    static final int MAX_EXPRESSION = 500;

    private static final java.util.Map<String, String> LABELS = labels();

    /**
     * Labels by id, from the registrations. One id names a problem and a schedule ("plateau"): the
     * problem's label wins, since the schedule widget offers its own "reduce-on-plateau" instead.
     */
    private static java.util.Map<String, String> labels() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        Catalog.optimizers().forEach(o -> out.put(o.name(), o.label()));
        Catalog.problems().forEach(p -> out.putIfAbsent(p.name(), p.label()));
        Catalog.schedules().forEach(s -> out.putIfAbsent(s.name(), s.label()));
        for (io.downhill.optim.nn.Activation a : io.downhill.optim.nn.Activation.values()) {
            out.putIfAbsent(a.id(), a.label());
        }
        for (io.downhill.optim.nn.Init i : io.downhill.optim.nn.Init.values()) {
            out.putIfAbsent(i.id(), i.label());
        }
        ScheduleExplorer.OWN_LABELS.forEach(out::putIfAbsent);
        return java.util.Map.copyOf(out);
    }

    /** A person's name for an optimizer, problem or schedule id. */
    public static String label(String id) {
        return LABELS.getOrDefault(id, id);
    }

    /**
     * The engine's range of an optimizer parameter as [low, high] (an open end is given as is: a
     * widget's own range always lies inside it).
     */
    static double[] engineRange(String optimizer, String param) {
        io.downhill.optim.ParamInfo info = Catalog.optimizers().stream().filter(o -> o.name().equals(optimizer))
                .flatMap(o -> o.params().stream()).filter(p -> p.name().equals(param)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(optimizer + " has no parameter " + param));
        return new double[] {info.min() == null ? Double.NEGATIVE_INFINITY : info.min(),
                info.max() == null ? Double.POSITIVE_INFINITY : info.max()};
    }

    /** The engine's range of a schedule parameter as [low, high]. */
    static double[] scheduleRange(String schedule, String param) {
        io.downhill.optim.ParamInfo info = Catalog.schedules().stream().filter(o -> o.name().equals(schedule))
                .flatMap(o -> o.params().stream()).filter(p -> p.name().equals(param)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(schedule + " has no parameter " + param));
        return new double[] {info.min() == null ? Double.NEGATIVE_INFINITY : info.min(),
                info.max() == null ? Double.POSITIVE_INFINITY : info.max()};
    }

    /** The plot range of coordinate {@code i} of a catalogue problem. */
    static double[] plotRange(String problem, int i) {
        return problem(problem).range()[i];
    }

    static List<String> problems(String kind) {
        return Catalog.problems().stream().filter(p -> p.kind().equals(kind)).map(ProblemInfo::name).toList();
    }

    static List<String> optimizers() {
        return Catalog.optimizers().stream().map(OptimizerInfo::name).toList();
    }

    /** Each optimizer's registered widget learning rate, for blocks that give none. */
    static Map<String, Double> widgetLr() {
        Map<String, Double> out = new LinkedHashMap<>();
        Catalog.optimizers().forEach(o -> out.put(o.name(), o.widgetLr()));
        return out;
    }

    static ProblemInfo problem(String name) {
        return Catalog.problems().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * An {@code expression:} key, checked by the same parser the server runs (a typo is an error
     * with its column), or null when the block names a catalogue problem instead.
     */
    static String expression(Fields f) {
        if (!f.has("expression")) {
            return null;
        }
        if (f.has("problem") || f.has("problems")) {
            throw new WidgetException("expression", "give either 'expression' or 'problem', not both");
        }
        return expression(f, null);
    }

    /** The {@code expression:} key, or {@code fallback}; checked by the server's own parser. */
    static String expression(Fields f, String fallback) {
        String text = f.text("expression", fallback, MAX_EXPRESSION);
        try {
            io.downhill.optim.expr.Expression.parse(text, 2);
        } catch (io.downhill.optim.expr.ExpressionException e) {
            throw new WidgetException("expression", "'expression' " + e.getMessage());
        }
        return text;
    }

    /**
     * A function a learner typed, checked by the server's own parser; a typo is an error naming
     * {@code field} whose message starts with its column ("column 26: unexpected ')'").
     */
    static String typedExpression(String text, int dimension, String field) {
        try {
            io.downhill.optim.expr.Expression.parse(text, dimension);
        } catch (io.downhill.optim.expr.ExpressionException e) {
            throw new WidgetException(field, e.getMessage());
        }
        return text;
    }

    /** The problem's plot range widened a little, as the bounds for a start point. */
    static double[] startBounds(String problem, int coordinate) {
        double[] r = problem(problem).range()[coordinate];
        double pad = (r[1] - r[0]) * 0.5;
        return new double[] {r[0] - pad, r[1] + pad};
    }
}
