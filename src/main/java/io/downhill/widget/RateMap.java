package io.downhill.widget;

import io.downhill.optim.MomentumRates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heavy-ball momentum on ½(x² + κy²): a map of the predicted rate over (lr, momentum) with the
 * optimum marked, and a point the learner moves that also runs on the server.
 */
public record RateMap(double kappa, double lr, double momentum, int grid, int maxSteps)
        implements WidgetSpec.Stepped {
    static final double MAX_KAPPA = MomentumRates.MAX_KAPPA;
    /** The condition numbers the slider offers. */
    static final double[] KAPPA = {2, MAX_KAPPA};
    /** The learning-rate slider spans (0, 4/κ] in this many steps. */
    static final int LR_STEPS = 200;

    @Override
    public String type() {
        return "rate-map";
    }

    @Override
    public String problem() {
        return "ill-conditioned";
    }

    /** The largest learning rate on the map: beyond 4/κ every momentum below 1 diverges. */
    public double maxLr() {
        return MomentumRates.largestStableLr(kappa);
    }

    static final class Type implements WidgetType<RateMap> {
        @Override
        public String name() {
            return "rate-map";
        }

        @Override
        public Class<RateMap> specClass() {
            return RateMap.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(40);
        }

        @Override
        public RateMap read(Fields f) {
            double kappa = f.number("kappa", 10, 2, MAX_KAPPA);
            double max = MomentumRates.largestStableLr(kappa);
            // the best plain gradient descent, 2/(1 + κ), is where a learner starts unless the author says otherwise
            double lr = f.number("lr", 2 / (1 + kappa), max / LR_STEPS, max);
            return new RateMap(kappa, lr,
                    f.number("momentum", 0, 0, MomentumRates.MAX_MU),
                    f.integer("grid", 61, 11, 121),
                    f.integer("max_steps", 200, 10, 2000));
        }
    
        /** The widest ranges, over every κ the slider offers; a state narrows the learning rates to its κ. */
        @Override
        public List<Control> controls(RateMap s, Shared shared) {
            double[] lr = {MomentumRates.largestStableLr(KAPPA[1]) / LR_STEPS, MomentumRates.largestStableLr(KAPPA[0])};
            return controls(s, Control.within(lr, lr, s.lr()), s.lr());
        }

        @Override
        public List<Control> controls(RateMap s, Shared shared, WidgetState state) {
            double max = MomentumRates.largestStableLr(kappa(s, state));
            return controls(s, new double[] {max / LR_STEPS, max}, lr(s, state));
        }

        private static List<Control> controls(RateMap s, double[] lr, double lrValue) {
            return List.of(
                    Control.logSlider("kappa", "Condition number κ", Control.within(KAPPA, KAPPA, s.kappa()), s.kappa(), "problem.condition", "kappa"),
                    Control.slider("lr", "Learning rate η", lr, lr[1] / LR_STEPS, lrValue, "optimizer.lr", "lr"),
                    Control.slider("momentum", "Momentum μ", new double[] {0, MomentumRates.MAX_MU}, 0.01, s.momentum(),
                            "optimizer.momentum", "mu"));
        }

        /** The learner's κ is a whole number, as the slider shows it. */
        private static double kappa(RateMap s, WidgetState state) {
            Object given = state.value("kappa");
            return given == null ? s.kappa() : Math.round(((Number) given).doubleValue());
        }

        /** The learner's rate, kept on the map of the state's κ (a larger κ shortens it). */
        private static double lr(RateMap s, WidgetState state) {
            double max = MomentumRates.largestStableLr(kappa(s, state));
            return Math.max(max / LR_STEPS, Math.min(max, state.number("lr", s.lr())));
        }

        @Override
        public List<Map<String, Object>> runs(RateMap s, Shared shared, WidgetState state) {
            Map<String, Object> problem = RunSpecs.named("ill-conditioned");
            problem.put("condition", kappa(s, state));
            Map<String, Object> optimizer = RunSpecs.named("momentum");
            optimizer.put("lr", lr(s, state));
            optimizer.put("momentum", state.number("momentum", s.momentum()));
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("problem", problem);
            run.put("start", RunSpecs.list(1, 1));
            run.put("optimizer", optimizer);
            run.put("stop", Map.of("max_steps", s.maxSteps()));
            run.put("changes", List.of());
            run.put("seed", 0);
            return List.of(run);
        }

        /** The map of predicted rates for the state's κ, and the learner's point measured by a run on the server. */
        @Override
        public Map<String, Request> requests(RateMap s, Shared shared, WidgetState state) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("kappa", kappa(s, state));
            map.put("n", s.grid());
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("kappa", kappa(s, state));
            point.put("n", 0);
            point.put("lr", lr(s, state));
            point.put("momentum", state.number("momentum", s.momentum()));
            return Map.of("map", new Request("rate-map", map), "point", new Request("rate-map", point));
        }
    }
}
