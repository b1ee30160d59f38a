package io.downhill.widget;

import io.downhill.optim.LrSweep;
import io.downhill.optim.Work;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several optimizers from one start on one clock, with a leaderboard. Tuned, each races at the
 * learning rate a sweep on the server found best for it.
 */
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
            List<String> all = EngineFacts.problems("2d");
            String expression = EngineFacts.expression(f);
            String problem = expression != null ? "expression" : f.choice("problem", "rosenbrock", all);
            List<String> problems = expression != null ? List.of("expression") : f.choices("problems", List.of(problem), all, 1, all.size());
            List<String> optimizers = f.choices("optimizers", List.of("sgd", "momentum", "nesterov", "rmsprop", "adam"),
                    EngineFacts.optimizers(), 1, 7);
            Map<String, Double> lr = f.lrPerOptimizer("lr", optimizers, EngineFacts.widgetLr());
            double[] start = f.has("start")
                    ? f.numbers("start", null, 2, -1e3, 1e3)
                    : (expression != null ? new double[] {2, 2} : EngineFacts.problem(problem).defaultStart());
            return new OptimizerRace(problem, expression, problems, optimizers, lr, start,
                    f.integer("max_steps", 500, 1, 5000),
                    f.number("tolerance", 1e-3, 1e-12, 1e3));
        }
    
        @Override
        public List<Control> controls(OptimizerRace s, Shared shared) {
            List<Control> out = new ArrayList<>();
            if (s.problems().size() > 1) {
                out.add(Control.select("problem", "Function", s.problems(), s.problem(), "problem.name", "problem").resetting("start"));
            }
            out.add(Control.point("start", "Start", s.start(), startAxes(s), "start", "start"));
            out.add(Control.press("tuned", "Tune each optimizer", "Use the lesson’s learning rates", false, "tuned", "tuned"));
            return out;
        }

        /** Where a start may be: within the widened plot of any function the learner can pick. */
        private static List<double[]> startAxes(OptimizerRace s) {
            List<double[]> axes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                double lo = s.start()[i];
                double hi = s.start()[i];
                for (String p : s.problems()) {
                    double[] b = p.equals("expression") ? Descent2d.EXPRESSION_RANGE : EngineFacts.startBounds(p, i);
                    lo = Math.min(lo, b[0]);
                    hi = Math.max(hi, b[1]);
                }
                axes.add(new double[] {lo, hi});
            }
            return axes;
        }

        @Override
        public List<Map<String, Object>> runs(OptimizerRace s, Shared shared, WidgetState state) {
            Map<String, Double> lr = new LinkedHashMap<>(s.lr());
            if (state.flag("tuned", false)) {
                for (LrSweep.Curve curve : LrSweep.run(LrSweep.parse(sweep(s, state)))) {
                    // every rate diverged: the lesson's stays, and the sweep chart shows why
                    if (curve.bestLr() != null) {
                        lr.put(curve.optimizer(), curve.bestLr());
                    }
                }
            }
            List<Map<String, Object>> runs = new ArrayList<>();
            for (String name : s.optimizers()) {
                Map<String, Object> optimizer = RunSpecs.named(name);
                optimizer.put("lr", lr.get(name));
                runs.add(RunSpecs.run(problem(s, state), RunSpecs.list(start(s, state)), optimizer, s.maxSteps()));
            }
            return runs;
        }

        /** Tuned, the page draws the sweep the rates came from; the same request, answered by the sweep API. */
        @Override
        public Map<String, Request> requests(OptimizerRace s, Shared shared, WidgetState state) {
            return state.flag("tuned", false) ? Map.of("sweep", new Request("sweep", Map.of("spec", sweep(s, state)))) : Map.of();
        }

        @Override
        public long work(OptimizerRace s, Shared shared, WidgetState state) {
            return state.flag("tuned", false) ? Work.steps(LrSweep.work(s.optimizers().size(), LrSweep.MAX_POINTS, s.maxSteps())) : 0;
        }

        /** The sweep behind tuned rates: every optimizer at the sweep's own rates, from the race's start. */
        private static Map<String, Object> sweep(OptimizerRace s, WidgetState state) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("problem", problem(s, state));
            spec.put("start", RunSpecs.list(start(s, state)));
            spec.put("stop", Map.of("max_steps", s.maxSteps()));
            spec.put("seed", 0);
            spec.put("optimizers", s.optimizers());
            spec.put("tolerance", s.tolerance());
            return spec;
        }

        private static Map<String, Object> problem(OptimizerRace s, WidgetState state) {
            if (s.expression() != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("expression", s.expression());
                p.put("range", List.of(RunSpecs.list(Descent2d.EXPRESSION_RANGE), RunSpecs.list(Descent2d.EXPRESSION_RANGE)));
                return p;
            }
            return RunSpecs.named(state.text("problem", s.problem()));
        }

        /** The learner's start, else the block's on its own function, else the chosen function's. */
        private static double[] start(OptimizerRace s, WidgetState state) {
            String problem = state.text("problem", s.problem());
            return state.point("start", problem.equals(s.problem()) ? s.start() : EngineFacts.problem(problem).defaultStart());
        }
    }
}
