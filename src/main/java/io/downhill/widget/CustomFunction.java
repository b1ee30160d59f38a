package io.downhill.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner's own f(x, y): typed into the widget, parsed safely on the server, differentiated by
 * reverse-mode automatic differentiation, and raced by several optimizers like any other problem.
 */
public record CustomFunction(String expression, double[] range, List<String> optimizers, Map<String, Double> lr,
                             double[] start, int maxSteps) implements WidgetSpec.Stepped {
    @Override
    public String type() {
        return "custom-function";
    }

    @Override
    public String problem() {
        return "expression";
    }

    static final class Type implements WidgetType<CustomFunction> {
        @Override
        public String name() {
            return "custom-function";
        }

        @Override
        public Class<CustomFunction> specClass() {
            return CustomFunction.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(40);
        }

        @Override
        public CustomFunction read(Fields f) {
            String expression = EngineFacts.expression(f, "sin(x)*cos(y) + 0.1*(x^2 + y^2)");
            double[] range = f.numbers("range", new double[] {-3, 3}, 2, -1e3, 1e3);
            if (!(range[0] < range[1])) {
                throw new WidgetException("range", "'range' must be [low, high] with low < high");
            }
            List<String> optimizers = f.choices("optimizers", List.of("sgd", "momentum", "adam"), EngineFacts.optimizers(), 1, 7);
            Map<String, Double> lr = f.lrPerOptimizer("lr", optimizers, EngineFacts.widgetLr());
            double mid = (range[0] + range[1]) / 2 + (range[1] - range[0]) / 3;
            double[] start = f.numbers("start", new double[] {mid, mid}, 2, range[0], range[1]);
            return new CustomFunction(expression, range, optimizers, lr, start,
                    f.integer("max_steps", 300, 1, 5000));
        }
    
        @Override
        public List<Control> controls(CustomFunction s, Shared shared) {
            return List.of(
                    Control.text("expression", "f(x, y) =", s.expression(), EngineFacts.MAX_EXPRESSION,
                            new Control.TextBox("Use this function", "expression?dimension=2"),
                            "problem.expression", "f"),
                    Control.point("start", "Start", s.start(), List.of(s.range(), s.range()), "start", "start"));
        }

        /** One run per optimizer, at its own rate, on the typed function over the square of {@code range}. */
        @Override
        public List<Map<String, Object>> runs(CustomFunction s, Shared shared, WidgetState state) {
            String expression = EngineFacts.typedExpression(state.text("expression", s.expression()), 2, "state.expression");
            List<Map<String, Object>> runs = new ArrayList<>();
            for (String name : s.optimizers()) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("expression", expression);
                problem.put("range", List.of(RunSpecs.list(s.range()), RunSpecs.list(s.range())));
                Map<String, Object> optimizer = RunSpecs.named(name);
                optimizer.put("lr", s.lr().get(name));
                runs.add(RunSpecs.run(problem, RunSpecs.list(state.point("start", s.start())), optimizer, s.maxSteps()));
            }
            return runs;
        }
    }
}
