package io.downhill.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A path over a contour map, with its loss curve; the controls say what the learner may change. */
public record Descent2d(String problem, String expression, List<String> problems, String optimizer, List<String> optimizers,
                        double lr, double momentum, double[] start, int maxSteps, boolean surface) implements WidgetSpec.Stepped {
    static final List<String> CONTROLS = List.of("problem", "optimizer", "lr", "momentum", "start", "speed", "surface");
    static final double[] LR = {1e-4, 2};
    static final double[] MOMENTUM = {0, 0.99};
    /** The range an author's own function is drawn and run over. */
    static final double[] EXPRESSION_RANGE = {-3, 3};
    /** Which optimizers take the momentum slider, and as what. */
    static final Map<String, String> MOMENTUM_LABELS = Map.of(
            "momentum", "Momentum μ", "nesterov", "Momentum μ", "adam", "Momentum β₁", "adamw", "Momentum β₁",
            "*", "Momentum (not used)");

    @Override
    public String type() {
        return "descent-2d";
    }

    static final class Type implements WidgetType<Descent2d> {
        @Override
        public String name() {
            return "descent-2d";
        }

        @Override
        public Class<Descent2d> specClass() {
            return Descent2d.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(30).withControls(CONTROLS, List.of("optimizer", "lr", "momentum", "start", "speed"));
        }

        @Override
        public Descent2d read(Fields f) {
            List<String> all = EngineFacts.problems("2d");
            String expression = EngineFacts.expression(f);
            String problem = expression != null ? "expression" : f.choice("problem", "bowl", all);
            List<String> problems = expression != null ? List.of("expression") : f.choices("problems", all, all, 1, all.size());
            if (!problems.contains(problem)) {
                throw new WidgetException("problems", "'problems' must include the widget's 'problem' (" + problem + ")");
            }
            List<String> optimizers = f.choices("optimizers", List.of("sgd", "momentum", "nesterov", "rmsprop", "adam"),
                    EngineFacts.optimizers(), 1, 7);
            String optimizer = f.choice("optimizer", optimizers.get(0), optimizers);
            double[] start = f.has("start")
                    ? f.numbers("start", null, 2, -1e3, 1e3)
                    : (expression != null ? new double[] {2, 2} : EngineFacts.problem(problem).defaultStart());
            for (int i = 0; i < 2 && expression == null; i++) {
                double[] b = EngineFacts.startBounds(problem, i);
                if (start[i] < b[0] || start[i] > b[1]) {
                    throw new WidgetException("start", "'start' must lie within the plot of " + problem + ": coordinate "
                            + (i + 1) + " from " + Fields.fmt(b[0]) + " to " + Fields.fmt(b[1]));
                }
            }
            return new Descent2d(problem, expression, problems, optimizer, optimizers,
                    f.number("lr", 0.05, 1e-5, 2),
                    f.number("momentum", 0.9, 0, 0.999),
                    start,
                    f.integer("max_steps", 300, 1, 5000),
                    f.flag("surface", false));
        }

        @Override
        public List<Control> controls(Descent2d s, Shared shared) {
            List<Control> out = new ArrayList<>();
            if (shared.offers("problem") && s.problems().size() > 1) {
                out.add(Control.select("problem", "Function", s.problems(), s.problem(), "problem.name", "problem").resetting("start"));
            }
            if (shared.offers("optimizer") && s.optimizers().size() > 1) {
                out.add(Control.select("optimizer", "Optimizer", s.optimizers(), s.optimizer(), "optimizer.name", "opt"));
            }
            if (shared.offers("lr")) {
                out.add(Control.logSlider("lr", "Learning rate", Control.within(LR, EngineFacts.engineRange("sgd", "lr"), s.lr()),
                        s.lr(), "optimizer.lr", "lr").forking());
            }
            if (shared.offers("momentum")) {
                out.add(Control.slider("momentum", "Momentum μ",
                                Control.within(MOMENTUM, EngineFacts.engineRange("momentum", "momentum"), s.momentum()), 0.01,
                                s.momentum(), "optimizer.momentum", "mom")
                        .forking().labelledBy("optimizer", MOMENTUM_LABELS));
            }
            if (shared.offers("surface")) {
                out.add(Control.toggle("surface", "3D surface", s.surface(), "surface"));
            }
            if (shared.offers("start")) {
                out.add(Control.point("start", "Start", s.start(), startAxes(s), "start", "start"));
            }
            return out;
        }

        /** Where a start may be: within the widened plot of any function the learner can pick. */
        private static List<double[]> startAxes(Descent2d s) {
            List<double[]> axes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                double lo = s.start()[i];
                double hi = s.start()[i];
                for (String p : s.problems()) {
                    double[] b = p.equals("expression") ? EXPRESSION_RANGE : EngineFacts.startBounds(p, i);
                    lo = Math.min(lo, b[0]);
                    hi = Math.max(hi, b[1]);
                }
                axes.add(new double[] {lo, hi});
            }
            return axes;
        }

        @Override
        public List<Map<String, Object>> runs(Descent2d s, Shared shared, WidgetState state) {
            String problem = state.text("problem", s.problem());
            String name = state.text("optimizer", s.optimizer());
            double momentum = state.number("momentum", s.momentum());
            boolean betas = name.startsWith("adam") && shared.offers("momentum");
            Map<String, Object> optimizer = RunSpecs.named(name);
            optimizer.put("lr", state.number("lr", s.lr()));
            if (name.equals("momentum") || name.equals("nesterov")) {
                optimizer.put("momentum", momentum);
            }
            if (betas) {
                optimizer.put("betas", RunSpecs.list(momentum, 0.999));
            }
            Map<String, Object> problemSpec;
            if (s.expression() != null) {
                problemSpec = new LinkedHashMap<>();
                problemSpec.put("expression", s.expression());
                problemSpec.put("range", List.of(RunSpecs.list(EXPRESSION_RANGE), RunSpecs.list(EXPRESSION_RANGE)));
            } else {
                problemSpec = RunSpecs.named(problem);
            }
            double[] start = state.point("start",
                    problem.equals(s.problem()) ? s.start() : EngineFacts.problem(problem).defaultStart());
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("problem", problemSpec);
            run.put("start", RunSpecs.list(start));
            run.put("optimizer", optimizer);
            run.put("stop", Map.of("max_steps", s.maxSteps()));
            // a momentum change means μ for heavy-ball methods, β₁ for Adam's, and nothing for the rest
            run.put("changes", RunSpecs.changes(state, (unused, change) -> {
                Object m = change.remove("momentum");
                if (m != null && (name.equals("momentum") || name.equals("nesterov"))) {
                    change.put("momentum", m);
                } else if (m != null && betas) {
                    change.put("betas", RunSpecs.list((Double) m, 0.999));
                }
            }));
            run.put("seed", 0);
            return List.of(run);
        }
    }
}
