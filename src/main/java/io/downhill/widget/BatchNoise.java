package io.downhill.widget;

import java.util.List;

/**
 * Full-batch descent, SGD with one sample, and a mini-batch of a chosen size on the same data:
 * the fitted model over the data, the loss, and the cloud of mini-batch gradients.
 */
public record BatchNoise(String problem, int n, double noise, double lr, int batchSize, int maxSteps, int speed,
                         String caption) implements WidgetSpec {
    static final List<String> PROBLEMS = List.of("linear-regression", "logistic-regression");

    @Override
    public String type() {
        return "batch-noise";
    }

    static BatchNoise from(Fields f) {
        int n = f.integer("n", 100, 10, 500);
        int batch = f.integer("batch_size", 10, 1, n);
        return new BatchNoise(
                f.choice("problem", "linear-regression", PROBLEMS),
                n,
                f.number("noise", 0.5, 0, 5),
                f.number("lr", 0.1, 1e-4, 2),
                batch,
                f.integer("max_steps", 200, 10, 2000),
                f.integer("speed", 30, 1, 240),
                f.text("caption", "", 500));
    }
}
