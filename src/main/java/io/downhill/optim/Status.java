package io.downhill.optim;

/**
 * How a run ended.
 *
 * @param reason {@code "max-steps"}, {@code "converged"} or {@code "diverged"}
 * @param rule null for max-steps; {@code "grad_norm"}, {@code "loss_change"} or {@code "param_change"}
 *     for converged; {@code "non-finite"} or {@code "loss-exploded"} for diverged
 * @param steps number of updates performed, which is the {@code t} of the last {@link Step}
 */
public record Status(String reason, String rule, int steps) {
    public static final String MAX_STEPS = "max-steps";
    public static final String CONVERGED = "converged";
    public static final String DIVERGED = "diverged";
}
