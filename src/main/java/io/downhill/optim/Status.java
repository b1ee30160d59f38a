package io.downhill.optim;

/**
 * How a run ended.
 *
 * @param reason {@code "max-steps"}, {@code "converged"} or {@code "diverged"}
 * @param rule null for max-steps; {@code "grad_norm"}, {@code "loss_change"} or {@code "param_change"}
 *     for converged; {@code "non-finite"} or {@code "loss-exploded"} for diverged
 * @param steps number of updates performed, which is the {@code t} of the last {@link Step}
 * @param diverging for a run that ran all its steps while its loss was still rising far above where
 *     it started (see {@link Run#DIVERGING}): the loss at the start and at the end; null otherwise
 */
public record Status(String reason, String rule, int steps, Diverging diverging) {
    public static final String MAX_STEPS = "max-steps";
    public static final String CONVERGED = "converged";
    public static final String DIVERGED = "diverged";

    public Status(String reason, String rule, int steps) {
        this(reason, rule, steps, null);
    }

    /** A run that was diverging when its steps ran out: its loss rose from {@code from} to {@code to}. */
    public record Diverging(double from, double to) {}
}
