package io.downhill.widget;

import java.util.List;

/**
 * A small network trained live: its loss, the gradient norm of every layer over time (vanishing
 * and exploding made visible), its decision boundary, and how often clipping fired.
 */
public record DeepGradients(String dataset, int depth, int width, String activation, String init, boolean residual,
                            boolean clip, double weightDecay, String optimizer, double lr, int maxSteps)
        implements WidgetSpec.Stepped {

    @Override
    public String type() {
        return "deep-gradients";
    }

    @Override
    public String problem() {
        return dataset;
    }

    static final class Type implements WidgetType<DeepGradients> {
        @Override
        public String name() {
            return "deep-gradients";
        }

        @Override
        public Class<DeepGradients> specClass() {
            return DeepGradients.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.noSpeed();
        }

        @Override
        public DeepGradients read(Fields f) {
            return new DeepGradients(
                    f.choice("dataset", "moons", List.of("moons", "circles", "spiral")),
                    f.integer("depth", 8, 1, 30),
                    f.integer("width", 8, 1, 32),
                    f.choice("activation", "sigmoid", List.of("sigmoid", "tanh", "relu")),
                    f.choice("init", "normal", List.of("normal", "xavier", "he")),
                    f.flag("residual", false),
                    f.flag("clip", false),
                    f.number("weight_decay", 0, 0, 1),
                    f.choice("optimizer", "adam", io.downhill.optim.nn.NetSpec.OPTIMIZERS),
                    f.number("lr", 0.01, 1e-5, 2),
                    f.integer("max_steps", 400, 10, 2000));
        }
    }
}
