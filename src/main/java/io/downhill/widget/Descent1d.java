package io.downhill.widget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A ball on a curve: one optimizer, one learning rate, the start decides the valley. */
public record Descent1d(String problem, String optimizer, double lr, double start, int maxSteps) implements WidgetSpec.Stepped {
    static final List<String> CONTROLS = List.of("lr", "start", "optimizer", "speed");
    /** The learning rates the slider offers, inside the engine's. */
    static final double[] LR = {1e-3, 1};

    @Override
    public String type() {
        return "descent-1d";
    }

    static final class Type implements WidgetType<Descent1d> {
        @Override
        public String name() {
            return "descent-1d";
        }

        @Override
        public Class<Descent1d> specClass() {
            return Descent1d.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(30).withControls(CONTROLS, CONTROLS);
        }

        @Override
        public Descent1d read(Fields f) {
            String problem = f.choice("problem", "double-well", EngineFacts.problems("1d"));
            double[] bounds = EngineFacts.startBounds(problem, 0);
            double start = f.has("start")
                    ? f.number("start", 0, bounds[0], bounds[1])
                    : EngineFacts.problem(problem).defaultStart()[0];
            return new Descent1d(problem,
                    f.choice("optimizer", "sgd", EngineFacts.optimizers()),
                    f.number("lr", 0.05, 1e-4, 1),
                    start,
                    f.integer("max_steps", 150, 1, 2000));
        }

        @Override
        public List<Control> controls(Descent1d s, Shared shared) {
            List<Control> out = new java.util.ArrayList<>();
            if (shared.offers("optimizer")) {
                out.add(Control.select("optimizer", "Optimizer", EngineFacts.optimizers(), s.optimizer(), "optimizer.name", "opt"));
            }
            if (shared.offers("lr")) {
                out.add(Control.logSlider("lr", "Learning rate", Control.within(LR, EngineFacts.engineRange(s.optimizer(), "lr"), s.lr()),
                        s.lr(), "optimizer.lr", "lr").forking());
            }
            if (shared.offers("start")) {
                double[] plot = EngineFacts.plotRange(s.problem(), 0);
                out.add(Control.slider("start", "Start x", Control.within(plot, plot, s.start()), (plot[1] - plot[0]) / 200,
                        s.start(), "start", "start"));
            }
            return out;
        }

        @Override
        public List<Map<String, Object>> runs(Descent1d s, Shared shared, WidgetState state) {
            Map<String, Object> optimizer = RunSpecs.named(state.text("optimizer", s.optimizer()));
            optimizer.put("lr", state.number("lr", s.lr()));
            Map<String, Object> stop = new LinkedHashMap<>();
            stop.put("max_steps", s.maxSteps());
            stop.put("param_change", 1e-9);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("problem", RunSpecs.named(s.problem()));
            run.put("start", RunSpecs.list(state.number("start", s.start())));
            run.put("optimizer", optimizer);
            run.put("stop", stop);
            run.put("changes", RunSpecs.changes(state));
            run.put("seed", 0);
            return List.of(run);
        }
    }
}
