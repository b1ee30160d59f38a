package io.downhill.widget;

import io.downhill.optim.Catalog;
import io.downhill.optim.OptimizerInfo;
import io.downhill.optim.ProblemInfo;
import java.util.List;

/**
 * What widgets take from the engine: its names, its parameter ranges and the names people read.
 * Widgets ask here and nowhere else, so the engine's registrations can change behind this class.
 */
public final class Catalogs {
    private Catalogs() {}

    private static final java.util.Map<String, String> LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("sgd", "SGD"), java.util.Map.entry("momentum", "Momentum"), java.util.Map.entry("nesterov", "Nesterov"),
            java.util.Map.entry("adagrad", "AdaGrad"), java.util.Map.entry("rmsprop", "RMSprop"), java.util.Map.entry("adam", "Adam"),
            java.util.Map.entry("adamw", "AdamW"), java.util.Map.entry("bowl", "Bowl x² + 2y²"), java.util.Map.entry("ill-conditioned", "Ill-conditioned bowl"),
            java.util.Map.entry("rosenbrock", "Rosenbrock"), java.util.Map.entry("beale", "Beale"), java.util.Map.entry("himmelblau", "Himmelblau"),
            java.util.Map.entry("saddle", "Saddle x² − y²"), java.util.Map.entry("monkey-saddle", "Monkey saddle"),
            java.util.Map.entry("plateau-2d", "Plateau"), java.util.Map.entry("double-well-2d", "Two valleys"),
            java.util.Map.entry("valleys", "Two valleys: which minimum?"), java.util.Map.entry("saddle-scenario", "A saddle point"),
            java.util.Map.entry("double-well", "Double well"), java.util.Map.entry("quadratic", "Quadratic"),
            java.util.Map.entry("plateau", "Plateau"), java.util.Map.entry("linear-regression", "Linear regression"),
            java.util.Map.entry("logistic-regression", "Logistic regression"), java.util.Map.entry("constant", "Constant"),
            java.util.Map.entry("step", "Step decay"), java.util.Map.entry("exponential", "Exponential decay"),
            java.util.Map.entry("cosine", "Cosine annealing"), java.util.Map.entry("warmup", "Linear warmup"),
            java.util.Map.entry("warmup-cosine", "Warmup, then cosine"), java.util.Map.entry("cosine-restarts", "Cosine with warm restarts"),
            java.util.Map.entry("reduce-on-plateau", "Reduce on plateau"), java.util.Map.entry("sigmoid", "sigmoid"),
            java.util.Map.entry("tanh", "tanh"), java.util.Map.entry("relu", "ReLU"), java.util.Map.entry("xavier", "Xavier"),
            java.util.Map.entry("he", "He"), java.util.Map.entry("normal", "Normal (std 1)"));

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
        String text = f.text("expression", fallback, 500);
        try {
            io.downhill.optim.expr.Expression.parse(text, 2);
        } catch (io.downhill.optim.expr.ExpressionException e) {
            throw new WidgetException("expression", "'expression' " + e.getMessage());
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
