package io.downhill.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full-batch descent, SGD with one sample, and a mini-batch of a chosen size on the same data:
 * the fitted model over the data, the loss, and the cloud of mini-batch gradients.
 */
public record BatchNoise(String problem, int n, double noise, double lr, int batchSize, int maxSteps) implements WidgetSpec.Stepped {
    static final List<String> PROBLEMS = List.of("linear-regression", "logistic-regression");
    /** The learning rates the slider offers, inside the engine's. */
    static final double[] LR = {1e-4, 2};
    /** The data and every run's sampling come from this seed, so the three runs see the same data. */
    static final int SEED = 2;
    /** How many mini-batch gradients the cloud shows around the full gradient. */
    static final int CLOUD_SAMPLES = 60;

    @Override
    public String type() {
        return "batch-noise";
    }

    static final class Type implements WidgetType<BatchNoise> {
        @Override
        public String name() {
            return "batch-noise";
        }

        @Override
        public Class<BatchNoise> specClass() {
            return BatchNoise.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(30);
        }

        @Override
        public BatchNoise read(Fields f) {
            int n = f.integer("n", 100, 10, 500);
            int batch = f.integer("batch_size", 10, 1, n);
            return new BatchNoise(
                    f.choice("problem", "linear-regression", PROBLEMS),
                    n,
                    f.number("noise", 0.5, 0, 5),
                    f.number("lr", 0.1, 1e-4, 2),
                    batch,
                    f.integer("max_steps", 200, 10, 2000));
        }
    
        @Override
        public List<Control> controls(BatchNoise s, Shared shared) {
            return List.of(
                    Control.slider("batch", "Mini-batch size B", new double[] {1, s.n()}, 1, s.batchSize(), "problem.batch_size", "batch"),
                    Control.logSlider("lr", "Learning rate", Control.within(LR, EngineFacts.engineRange("sgd", "lr"), s.lr()), s.lr(),
                            "optimizer.lr", "lr"),
                    Control.toggle("epochs", "Loss against epochs", false, "epochs"));
        }

        /** Full batch, one sample, and the chosen mini-batch: the same data, the same seed. */
        @Override
        public List<Map<String, Object>> runs(BatchNoise s, Shared shared, WidgetState state) {
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int batch : new int[] {s.n(), 1, batch(s, state)}) {
                Map<String, Object> optimizer = RunSpecs.named("sgd");
                optimizer.put("lr", state.number("lr", s.lr()));
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("problem", problem(s, batch));
                run.put("optimizer", optimizer);
                run.put("stop", Map.of("max_steps", s.maxSteps()));
                run.put("changes", List.of());
                run.put("seed", SEED);
                runs.add(run);
            }
            return runs;
        }

        /**
         * The data drawn under the fits, and the cloud of mini-batch gradients, to which the page
         * adds the point ({@code params}) it is drawn at.
         */
        @Override
        public Map<String, Request> requests(BatchNoise s, Shared shared, WidgetState state) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("problem", problem(s, s.n()));
            data.put("n", 2);
            data.put("seed", SEED);
            Map<String, Object> cloud = new LinkedHashMap<>();
            cloud.put("problem", problem(s, s.n()));
            cloud.put("seed", SEED);
            cloud.put("batch_size", batch(s, state));
            cloud.put("samples", CLOUD_SAMPLES);
            return Map.of("data", new Request("landscape", data), "cloud", new Request("gradients", cloud));
        }

        private static int batch(BatchNoise s, WidgetState state) {
            return (int) Math.round(state.number("batch", s.batchSize()));
        }

        private static Map<String, Object> problem(BatchNoise s, int batch) {
            Map<String, Object> p = RunSpecs.named(s.problem());
            p.put("n", s.n());
            p.put("noise", s.noise());
            p.put("batch_size", batch);
            return p;
        }
    }
}
