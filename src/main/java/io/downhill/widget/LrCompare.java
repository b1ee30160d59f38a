package io.downhill.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The same problem and start with several learning rates: too small, right, too large. */
public record LrCompare(String problem, String optimizer, double[] start, List<Double> lrs, int maxSteps)
        implements WidgetSpec.Stepped {
    static final double[] LR = {1e-4, 2};

    @Override
    public String type() {
        return "lr-compare";
    }

    static final class Type implements WidgetType<LrCompare> {
        @Override
        public String name() {
            return "lr-compare";
        }

        @Override
        public Class<LrCompare> specClass() {
            return LrCompare.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(20);
        }

        @Override
        public LrCompare read(Fields f) {
            String problem = f.choice("problem", "bowl", EngineFacts.problems("2d"));
            double[] start = f.has("start")
                    ? f.numbers("start", null, 2, -1e3, 1e3)
                    : (problem.equals("bowl") ? new double[] {3, 4} : EngineFacts.problem(problem).defaultStart());
            return new LrCompare(problem,
                    f.choice("optimizer", "sgd", EngineFacts.optimizers()),
                    start,
                    f.numberList("lrs", List.of(0.01, 0.1, 0.5), 2, 4, 1e-5, 2),
                    f.integer("max_steps", 60, 1, 2000));
        }

        @Override
        public List<Control> controls(LrCompare s, Shared shared) {
            List<Control> out = new ArrayList<>();
            double[] engine = EngineFacts.engineRange(s.optimizer(), "lr");
            for (int i = 0; i < s.lrs().size(); i++) {
                double lr = s.lrs().get(i);
                out.add(Control.logSlider("lr" + i, "Learning rate " + (char) ('A' + i), Control.within(LR, engine, lr), lr,
                        "runs[" + i + "].optimizer.lr", "lr" + i));
            }
            List<double[]> axes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                double[] b = EngineFacts.startBounds(s.problem(), i);
                axes.add(Control.within(b, b, s.start()[i]));
            }
            out.add(Control.point("start", "Start", s.start(), axes, "start", "start"));
            return out;
        }

        @Override
        public List<Map<String, Object>> runs(LrCompare s, Shared shared, WidgetState state) {
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int i = 0; i < s.lrs().size(); i++) {
                Map<String, Object> optimizer = RunSpecs.named(s.optimizer());
                optimizer.put("lr", state.number("lr" + i, s.lrs().get(i)));
                runs.add(RunSpecs.run(RunSpecs.named(s.problem()), RunSpecs.list(state.point("start", s.start())), optimizer, s.maxSteps()));
            }
            return runs;
        }
    }
}
