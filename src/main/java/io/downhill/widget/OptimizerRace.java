package io.downhill.widget;

import java.util.List;
import java.util.Map;

/** Several optimizers from one start on one clock, with a leaderboard. */
public record OptimizerRace(String problem, String expression, List<String> problems, List<String> optimizers, Map<String, Double> lr,
                            double[] start, int maxSteps, double tolerance)
        implements WidgetSpec.Stepped {

    @Override
    public String type() {
        return "optimizer-race";
    }

    static final class Type implements WidgetType<OptimizerRace> {
        @Override
        public String name() {
            return "optimizer-race";
        }

        @Override
        public Class<OptimizerRace> specClass() {
            return OptimizerRace.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(40);
        }

        @Override
        public OptimizerRace read(Fields f) {
            List<String> all = Catalogs.problems("2d");
            String expression = Catalogs.expression(f);
            String problem = expression != null ? "expression" : f.choice("problem", "rosenbrock", all);
            List<String> problems = expression != null ? List.of("expression") : f.choices("problems", List.of(problem), all, 1, all.size());
            List<String> optimizers = f.choices("optimizers", List.of("sgd", "momentum", "nesterov", "rmsprop", "adam"),
                    Catalogs.optimizers(), 1, 7);
            Map<String, Double> lr = f.lrPerOptimizer("lr", optimizers, Catalogs.widgetLr());
            double[] start = f.has("start")
                    ? f.numbers("start", null, 2, -1e3, 1e3)
                    : (expression != null ? new double[] {2, 2} : Catalogs.problem(problem).defaultStart());
            return new OptimizerRace(problem, expression, problems, optimizers, lr, start,
                    f.integer("max_steps", 500, 1, 5000),
                    f.number("tolerance", 1e-3, 1e-12, 1e3));
        }
    }
}
