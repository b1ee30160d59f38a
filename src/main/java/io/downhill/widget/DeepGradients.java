package io.downhill.widget;

import io.downhill.optim.nn.Activation;
import io.downhill.optim.nn.Init;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small network trained live: its loss, the gradient norm of every layer over time (vanishing
 * and exploding made visible), its decision boundary, and how often clipping fired.
 */
public record DeepGradients(String dataset, int depth, int width, String activation, String init, boolean residual,
                            boolean clip, double weightDecay, String optimizer, double lr, int maxSteps)
        implements WidgetSpec.Stepped {
    static final List<String> DATASETS = List.of("moons", "circles", "spiral");
    static final List<String> ACTIVATIONS = java.util.Arrays.stream(Activation.values()).map(Activation::id).toList();
    static final List<String> INITS = java.util.Arrays.stream(Init.values()).map(Init::id).toList();
    /** Hidden layers a network may have. */
    static final int[] DEPTH = {1, 30};
    /** The gradient norm that clipping, when on, cuts down to. */
    static final double CLIP_NORM = 1;
    /** Every training draws its data and its first weights from this seed. */
    static final int SEED = 1;

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
                    f.choice("dataset", "moons", DATASETS),
                    f.integer("depth", 8, DEPTH[0], DEPTH[1]),
                    f.integer("width", 8, 1, 32),
                    f.choice("activation", "sigmoid", ACTIVATIONS),
                    f.choice("init", "normal", INITS),
                    f.flag("residual", false),
                    f.flag("clip", false),
                    f.number("weight_decay", 0, 0, 1),
                    f.choice("optimizer", "adam", io.downhill.optim.nn.NetSpec.OPTIMIZERS),
                    f.number("lr", 0.01, 1e-5, 2),
                    f.integer("max_steps", 400, 10, 2000));
        }
    
        @Override
        public List<Control> controls(DeepGradients s, Shared shared) {
            return List.of(
                    Control.slider("depth", "Hidden layers", new double[] {DEPTH[0], DEPTH[1]}, 1, s.depth(), "depth", "depth"),
                    Control.select("activation", "Activation", ACTIVATIONS, s.activation(), "activation", "activation"),
                    Control.select("init", "Initialisation", INITS, s.init(), "init", "init"),
                    Control.toggleSetting("residual", "Residual connections", s.residual(), "residual", "residual"),
                    Control.toggleSetting("clip", "Clip gradient norm at " + Fields.fmt(CLIP_NORM), s.clip(), "clip_grad_norm", "clip"));
        }

        /**
         * No run: the network trains on the server when the learner presses Train, streamed by
         * {@code train}. {@code first} is the same training's first step alone (a one-step
         * training: step 1 does not depend on how long the training goes on), which the page
         * fetches before Train is pressed and draws at once.
         */
        @Override
        public Map<String, Request> requests(DeepGradients s, Shared shared, WidgetState state) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("dataset", s.dataset());
            spec.put("depth", (int) Math.round(state.number("depth", s.depth())));
            spec.put("width", s.width());
            spec.put("activation", state.text("activation", s.activation()));
            spec.put("init", state.text("init", s.init()));
            spec.put("residual", state.flag("residual", s.residual()));
            spec.put("clip_grad_norm", state.flag("clip", s.clip()) ? CLIP_NORM : null);
            spec.put("weight_decay", s.weightDecay());
            spec.put("optimizer", s.optimizer());
            spec.put("lr", s.lr());
            spec.put("max_steps", s.maxSteps());
            spec.put("seed", SEED);
            Map<String, Object> firstStep = new LinkedHashMap<>(spec);
            firstStep.put("max_steps", 1);
            Map<String, Request> calls = new LinkedHashMap<>();
            calls.put("train", new Request("train/stream", Map.of("spec", spec)));
            calls.put("first", new Request("train/stream", Map.of("spec", firstStep)));
            return calls;
        }
    }
}
