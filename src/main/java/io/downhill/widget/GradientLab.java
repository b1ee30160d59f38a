package io.downhill.widget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analytic (automatic) against numerical gradients for a function and a point: the error of
 * forward and central differences across step sizes, and the computational graph with the forward
 * values and backward adjoints of every node.
 */
public record GradientLab(String expression, double[] point) implements WidgetSpec {
    /** Where the point may be, on both axes. */
    static final double[] AXIS = {-3, 3};
    /** The finite-difference steps the table can show, one decade at a time. */
    static final double[] H = {1e-15, 1e-1};
    static final double DEFAULT_H = 1e-5;

    @Override
    public String type() {
        return "gradient-lab";
    }

    @Override
    public String problem() {
        return "expression";
    }

    static final class Type implements WidgetType<GradientLab> {
        @Override
        public String name() {
            return "gradient-lab";
        }

        @Override
        public Class<GradientLab> specClass() {
            return GradientLab.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.noSpeed();
        }

        @Override
        public GradientLab read(Fields f) {
            String expression = EngineFacts.expression(f, "(x + y) * sin(x)");
            return new GradientLab(expression,
                    f.numbers("point", new double[] {1, 2}, 2, AXIS[0], AXIS[1]));
        }

        /** The function and the point ask the server again; the step h only picks a row of its answer. */
        @Override
        public List<Control> controls(GradientLab s, Shared shared) {
            return List.of(
                    Control.text("expression", "f(x, y) =", s.expression(), EngineFacts.MAX_EXPRESSION,
                            new Control.TextBox("Differentiate", "expression?dimension=2"), "expression", "f"),
                    Control.slider("px", "Point x", AXIS, 0.05, s.point()[0], "point.0", "px"),
                    Control.slider("py", "Point y", AXIS, 0.05, s.point()[1], "point.1", "py"),
                    Control.logSlider("h", "Step h for the table", H, 1, DEFAULT_H, null, "h"));
        }

        /** No run: one call that compares the gradients at the point and traces the graph. */
        @Override
        public Map<String, Request> requests(GradientLab s, Shared shared, WidgetState state) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("text", EngineFacts.typedExpression(state.text("expression", s.expression()), 2, "state.expression"));
            query.put("point", RunSpecs.list(state.number("px", s.point()[0]), state.number("py", s.point()[1])));
            return Map.of("lab", new Request("gradient-lab", query));
        }
    }
}
