package io.downhill.optim;

/**
 * Stopping rules. {@code maxSteps} is required; each tolerance is null when its rule is off.
 * grad_norm fires when ‖g_t‖ < tol (g_t as reported in {@link Step#grad}), loss_change when
 * |L_t − L_{t−1}| < tol, param_change when ‖θ_t − θ_{t−1}‖ < tol.
 */
public record StopSpec(int maxSteps, Double gradNorm, Double lossChange, Double paramChange) {}
