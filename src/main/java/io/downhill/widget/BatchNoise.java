package io.downhill.widget;

import java.util.List;

/**
 * Full-batch descent, SGD with one sample, and a mini-batch of a chosen size on the same data:
 * the fitted model over the data, the loss, and the cloud of mini-batch gradients.
 */
public record BatchNoise(String problem, int n, double noise, double lr, int batchSize, int maxSteps) implements WidgetSpec.Stepped {
    static final List<String> PROBLEMS = List.of("linear-regression", "logistic-regression");

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
    }
}
