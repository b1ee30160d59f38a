package io.downhill.optim.nn;

import io.downhill.optim.SpecException;
import java.util.List;

/**
 * Everything that determines a training run of the lesson's network apart from the data.
 *
 * @param depth number of hidden layers, 1..30
 * @param width units per hidden layer, 1..32
 * @param activation "sigmoid", "tanh" or "relu" (hidden layers; the output is a raw logit)
 * @param init "normal" (N(0, 1), deliberately too large), "xavier" (N(0, 2/(fan_in + fan_out)))
 *     or "he" (N(0, 2/fan_in)); biases start at 0
 * @param residual add each hidden layer's input to its output where the widths match (every
 *     hidden layer but the first, which maps 2 → width)
 * @param clipGradNorm torch's clip_grad_norm_ max_norm, > 0, or null for no clipping
 * @param weightDecay L2 coefficient added to the gradient (torch's weight_decay), 0..1
 * @param optimizer "sgd", "momentum" (SGD with momentum 0.9) or "adam"
 * @param lr learning rate, > 0 and <= 10
 * @param batchSize mini-batch size, 1..1000 (a batch never exceeds the dataset)
 * @param seed seeds the initial weights and the batch order
 */
public record NetSpec(int depth, int width, String activation, String init, boolean residual,
        Double clipGradNorm, double weightDecay, String optimizer, double lr, int batchSize,
        long seed) {

    /**
     * The registered optimizers the network lesson offers (any registered one would train; the
     * lesson compares these three).
     */
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam");

    public NetSpec {
        if (depth < 1 || depth > 30) {
            throw new SpecException("depth", "must be an integer >= 1 and <= 30");
        }
        if (width < 1 || width > 32) {
            throw new SpecException("width", "must be an integer >= 1 and <= 32");
        }
        Activation.parse(activation);
        Init.parse(init);
        if (clipGradNorm != null && !(clipGradNorm > 0 && clipGradNorm <= 1e6)) {
            throw new SpecException("clip_grad_norm", "must be null (off) or > 0 and <= 1e6");
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            throw new SpecException("weight_decay", "must be >= 0 and <= 1");
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new SpecException("optimizer", "must be one of " + String.join(", ", OPTIMIZERS));
        }
        if (!(lr > 0 && lr <= 10)) {
            throw new SpecException("lr", "must be > 0 and <= 10");
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new SpecException("batch_size", "must be an integer >= 1 and <= 1000");
        }
    }

    /** The lesson's starting point: 2 tanh layers of 8, Xavier init, Adam at 0.01, batches of 32. */
    public static NetSpec defaults() {
        return new NetSpec(2, 8, "tanh", "xavier", false, null, 0, "adam", 0.01, 32, 1);
    }
}
