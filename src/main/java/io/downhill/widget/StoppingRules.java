package io.downhill.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run watched by four stopping rules at once: where each would have stopped it, and which
 * would have fired first.
 */
public record StoppingRules(String problem, String optimizer, double lr, double[] start, int maxSteps,
                            double gradNorm, double lossChange, double paramChange)
        implements WidgetSpec.Stepped {

    @Override
    public String type() {
        return "stopping-rules";
    }

    static final class Type implements WidgetType<StoppingRules> {
        @Override
        public String name() {
            return "stopping-rules";
        }

        @Override
        public Class<StoppingRules> specClass() {
            return StoppingRules.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(60);
        }

        @Override
        public StoppingRules read(Fields f) {
            String problem = f.choice("problem", "ill-conditioned", EngineFacts.problems("2d"));
            double[] start = f.has("start")
                    ? f.numbers("start", null, 2, -1e3, 1e3)
                    : EngineFacts.problem(problem).defaultStart();
            return new StoppingRules(problem,
                    f.choice("optimizer", "sgd", EngineFacts.optimizers()),
                    f.number("lr", 0.1, 1e-5, 2),
                    start,
                    f.integer("max_steps", 400, 10, 5000),
                    f.number("grad_norm", 1e-3, 1e-12, 1e3),
                    f.number("loss_change", 1e-6, 1e-12, 1e3),
                    f.number("param_change", 1e-4, 1e-12, 1e3));
        }

        /**
         * The rate changes the run; a tolerance only where its rule would stop it, so moving one
         * redraws the marks without a new run (no spec path).
         */
        @Override
        public List<Control> controls(StoppingRules s, Shared shared) {
            List<Control> out = new ArrayList<>();
            out.add(Control.logSlider("lr", "Learning rate", Control.within(LR, EngineFacts.engineRange(s.optimizer(), "lr"), s.lr()),
                    s.lr(), "optimizer.lr", "lr"));
            out.add(Control.logSlider("grad_norm", "‖gradient‖ below", Control.within(GRAD_NORM, GRAD_NORM, s.gradNorm()), 0.1,
                    s.gradNorm(), null, "grad_norm"));
            out.add(Control.logSlider("loss_change", "|loss change| below", Control.within(LOSS_CHANGE, LOSS_CHANGE, s.lossChange()), 0.1,
                    s.lossChange(), null, "loss_change"));
            out.add(Control.logSlider("param_change", "‖step‖ below", Control.within(PARAM_CHANGE, PARAM_CHANGE, s.paramChange()), 0.1,
                    s.paramChange(), null, "param_change"));
            return out;
        }

        /** The run has no stopping rule but max_steps, so every rule's stopping point is visible. */
        @Override
        public List<Map<String, Object>> runs(StoppingRules s, Shared shared, WidgetState state) {
            Map<String, Object> optimizer = RunSpecs.named(s.optimizer());
            optimizer.put("lr", state.number("lr", s.lr()));
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("problem", RunSpecs.named(s.problem()));
            run.put("start", RunSpecs.list(s.start()));
            run.put("optimizer", optimizer);
            run.put("stop", Map.of("max_steps", s.maxSteps()));
            run.put("changes", List.of());
            run.put("seed", 0);
            return List.of(run);
        }
    }

    static final List<String> RULES = List.of("grad_norm", "loss_change", "param_change", "max_steps");
    /** The learning rates the slider offers, inside the engine's. */
    static final double[] LR = {1e-4, 2};
    /** The tolerances the sliders offer, from far too strict to far too loose. */
    static final double[] GRAD_NORM = {1e-10, 10};
    static final double[] LOSS_CHANGE = {1e-12, 1};
    static final double[] PARAM_CHANGE = {1e-10, 1};
}
