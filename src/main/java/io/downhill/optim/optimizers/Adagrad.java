package io.downhill.optim.optimizers;

import java.util.Arrays;

/**
 * torch.optim.Adagrad. Per step t (counting from 1), from the torch docs:
 *
 * <pre>
 * γ̃ ← γ / (1 + (t − 1)·η)
 * if λ ≠ 0:  g ← g + λθ
 * s ← s + g²
 * θ ← θ − γ̃·g / (√s + ε)
 * </pre>
 *
 * with lr γ, lr_decay η, weight_decay λ, and the sum s starting at initial_accumulator_value.
 */
public final class Adagrad implements Optimizer {
    /** Adagrad's hyper-parameters that may change mid-run. */
    public record Hyper(double lrDecay, double weightDecay, double eps) {}

    private final double[] sum;
    private Hyper hyper;
    private int t;

    public Adagrad(int dimension, double initialAccumulatorValue, Hyper hyper) {
        this.sum = new double[dimension];
        Arrays.fill(sum, initialAccumulatorValue);
        this.hyper = hyper;
    }

    public void setHyper(Hyper hyper) {
        this.hyper = hyper;
    }

    @Override
    public void step(double[] p, double[] g, double lr) {
        t++;
        double clr = lr / (1 + (t - 1) * hyper.lrDecay());
        double wd = hyper.weightDecay();
        for (int i = 0; i < p.length; i++) {
            double gi = wd != 0 ? g[i] + wd * p[i] : g[i];
            sum[i] = sum[i] + gi * gi;
            p[i] = p[i] - clr * gi / (Math.sqrt(sum[i]) + hyper.eps());
        }
    }
}
