package io.downhill.optim.optimizers;

import io.downhill.optim.ParamDef;
import io.downhill.optim.Range;
import java.util.List;

/**
 * torch.optim.RMSprop. Per step, from the torch docs:
 *
 * <pre>
 * if λ ≠ 0:  g ← g + λθ
 * v ← α·v + (1 − α)·g²
 * ṽ ← v
 * if centered:  g_avg ← α·g_avg + (1 − α)·g;  ṽ ← ṽ − g_avg²
 * if μ > 0:  b ← μ·b + g / (√ṽ + ε);  θ ← θ − γ·b
 * else:      θ ← θ − γ·g / (√ṽ + ε)
 * </pre>
 *
 * with lr γ, alpha α, momentum μ, weight_decay λ; v, g_avg and b start at zero (torch creates b and
 * g_avg only when μ > 0 / centered; switching those on mid-run here starts them from zero).
 */
public final class RmsProp implements Optimizer {
    /** RMSprop's hyper-parameters other than lr. */
    public record Hyper(double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        static Hyper of(HyperParams p) {
            return new Hyper(p.number("alpha"), p.number("eps"), p.number("weight_decay"), p.number("momentum"),
                    p.flag("centered"));
        }
    }

    public static final OptimizerType TYPE = new OptimizerType("rmsprop", "RMSprop", "rmsprop", 0.01, "RMSprop",
            "per-coordinate steps scaled by a moving average of squared gradients", List.of(
                    OptimizerType.lr(1e-2),
                    ParamDef.number("alpha", 0.99, Range.closed(0, 1), "smoothing constant α"),
                    OptimizerType.eps(1e-8),
                    OptimizerType.weightDecay(0),
                    ParamDef.number("momentum", 0.0, Range.closed(0, 1), "momentum factor μ"),
                    ParamDef.bool("centered", false, "normalise by the estimated variance of the gradient"),
                    OptimizerType.clip()),
            (p, dimension) -> new RmsProp(dimension, Hyper.of(p)));

    private final double[] squareAvg;
    private final double[] gradAvg;
    private final double[] buf;
    private Hyper hyper;

    public RmsProp(int dimension, Hyper hyper) {
        this.squareAvg = new double[dimension];
        this.gradAvg = new double[dimension];
        this.buf = new double[dimension];
        this.hyper = hyper;
    }

    public void setHyper(Hyper hyper) {
        this.hyper = hyper;
    }

    @Override
    public void configure(HyperParams p) {
        this.hyper = Hyper.of(p);
    }

    @Override
    public void step(double[] p, double[] g, double lr) {
        double a = hyper.alpha();
        double wd = hyper.weightDecay();
        double mu = hyper.momentum();
        for (int i = 0; i < p.length; i++) {
            double gi = wd != 0 ? g[i] + wd * p[i] : g[i];
            squareAvg[i] = a * squareAvg[i] + (1 - a) * gi * gi;
            double v = squareAvg[i];
            if (hyper.centered()) {
                gradAvg[i] = a * gradAvg[i] + (1 - a) * gi;
                v = v - gradAvg[i] * gradAvg[i];
            }
            double denom = Math.sqrt(v) + hyper.eps();
            if (mu > 0) {
                buf[i] = mu * buf[i] + gi / denom;
                p[i] = p[i] - lr * buf[i];
            } else {
                p[i] = p[i] - lr * gi / denom;
            }
        }
    }

    @Override
    public double[] velocity() {
        return hyper.momentum() > 0 ? buf : null;
    }
}
