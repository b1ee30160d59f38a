package io.downhill.optim;

/**
 * Stopping rules. {@code maxSteps} is required; each tolerance is null when its rule is off.
 * grad_norm fires when ‖g_t‖ < tol (g_t as reported in {@link Step#grad}), loss_change when
 * |L_t − L_{t−1}| < tol, param_change when ‖θ_t − θ_{t−1}‖ < tol.
 */
public record StopSpec(int maxSteps, Double gradNorm, Double lossChange, Double paramChange) {
    /** What the loss_change rule compares with its tolerance at a step: |L_t − L_{t−1}|. */
    public static double lossChange(double loss, double previous) {
        return Math.abs(loss - previous);
    }

    /** What the param_change rule compares with its tolerance at a step: ‖θ_t − θ_{t−1}‖. */
    public static double paramChange(double[] params, double[] previous) {
        double s = 0;
        for (int i = 0; i < params.length; i++) {
            double d = params[i] - previous[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
