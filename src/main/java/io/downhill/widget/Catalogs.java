package io.downhill.widget;

import io.downhill.optim.Catalog;
import io.downhill.optim.OptimizerInfo;
import io.downhill.optim.ProblemInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names the engine knows, so a widget block is checked against the engine's own truth. */
final class Catalogs {
    private Catalogs() {}

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
