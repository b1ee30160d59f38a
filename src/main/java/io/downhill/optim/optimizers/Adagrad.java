package io.downhill.optim.optimizers;

import io.downhill.optim.ParamDef;
import io.downhill.optim.Range;
import java.util.Arrays;
import java.util.List;

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
    public record Hyper(double lrDecay, double weightDecay, double eps) {
        static Hyper of(HyperParams p) {
            return new Hyper(p.number("lr_decay"), p.number("weight_decay"), p.number("eps"));
        }
    }

    public static final OptimizerType TYPE = new OptimizerType("adagrad", "AdaGrad", "adagrad", 0.5, "Adagrad",
            "per-coordinate steps shrinking with the sum of all squared gradients", List.of(
                    OptimizerType.lr(1e-2),
                    ParamDef.number("lr_decay", 0.0, Range.closed(0, 10), "lr decay η: γ/(1 + (t−1)·η)"),
                    OptimizerType.weightDecay(0),
                    ParamDef.number("initial_accumulator_value", 0.0, Range.closed(0, 100),
                            "starting value of the sum of squared gradients (fixed at the start)")
                            .fixedAtStart("it only sets the accumulator's start value"),
                    OptimizerType.eps(1e-10),
                    OptimizerType.clip()),
            (p, dimension) -> new Adagrad(dimension, p.number("initial_accumulator_value"), Hyper.of(p)));

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

    /** initial_accumulator_value only sets the sum's start, so a change to it is ignored here. */
    @Override
    public void configure(HyperParams p) {
        this.hyper = Hyper.of(p);
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
