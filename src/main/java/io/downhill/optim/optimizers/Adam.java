package io.downhill.optim.optimizers;

import io.downhill.optim.ParamDef;
import io.downhill.optim.Range;
import java.util.List;

/**
 * torch.optim.Adam and torch.optim.AdamW. Per step t (counting from 1), from the torch docs:
 *
 * <pre>
 * Adam:   if λ ≠ 0:  g ← g + λθ          AdamW:  θ ← θ − γλθ   (decoupled decay, first)
 * m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * m̂ ← m / (1 − β₁ᵗ)
 * if amsgrad:  v_max ← max(v_max, v);  v̂ ← v_max / (1 − β₂ᵗ)
 * else:        v̂ ← v / (1 − β₂ᵗ)
 * θ ← θ − γ·m̂ / (√v̂ + ε)
 * </pre>
 *
 * The denominator is evaluated as torch's implementation does, √v / √(1 − β₂ᵗ) + ε, and the update
 * is applied literally as θ ← θ − effectiveLr·m̂ with effectiveLr = γ / (√v / √(1 − β₂ᵗ) + ε), so
 * the reported terms reproduce the step exactly (torch folds 1/(1 − β₁ᵗ) into the step size
 * instead; the two agree to rounding).
 */
public final class Adam implements Optimizer {
    /** Adam's hyper-parameters other than lr. */
    public record Hyper(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        static Hyper of(HyperParams p) {
            List<Double> betas = p.pair("betas");
            return new Hyper(betas.get(0), betas.get(1), p.number("eps"), p.number("weight_decay"), p.flag("amsgrad"));
        }
    }

    public static final OptimizerType ADAM = new OptimizerType("adam", "Adam", "adam", 0.1, "Adam",
            "momentum plus RMSprop-style scaling, both bias-corrected", params(0),
            (p, dimension) -> adam(dimension, Hyper.of(p)));
    public static final OptimizerType ADAMW = new OptimizerType("adamw", "AdamW", "adamw", 0.1, "AdamW",
            "Adam with decoupled weight decay: θ ← θ·(1 − γλ) before the Adam step", params(0.01),
            (p, dimension) -> adamW(dimension, Hyper.of(p)));

    private static List<ParamDef> params(double weightDecay) {
        return List.of(
                OptimizerType.lr(1e-3),
                ParamDef.pair("betas", List.of(0.9, 0.999), Range.fromBelow(0, 1),
                        "(β₁, β₂): decay rates of the first and second moment averages"),
                OptimizerType.eps(1e-8),
                OptimizerType.weightDecay(weightDecay),
                ParamDef.bool("amsgrad", false, "use the running maximum of v (AMSGrad)"),
                OptimizerType.clip());
    }

    private final boolean decoupled;
    private final double[] m;
    private final double[] v;
    private final double[] vMax;
    private final double[] mHat;
    private final double[] vHat;
    private final double[] effectiveLr;
    private Hyper hyper;
    private int t;

    private Adam(int dimension, Hyper hyper, boolean decoupled) {
        this.decoupled = decoupled;
        this.m = new double[dimension];
        this.v = new double[dimension];
        this.vMax = new double[dimension];
        this.mHat = new double[dimension];
        this.vHat = new double[dimension];
        this.effectiveLr = new double[dimension];
        this.hyper = hyper;
    }

    /** torch.optim.Adam: weight decay is an L2 term added to the gradient. */
    public static Adam adam(int dimension, Hyper hyper) {
        return new Adam(dimension, hyper, false);
    }

    /** torch.optim.AdamW: weight decay shrinks the parameters directly, θ ← θ·(1 − γλ). */
    public static Adam adamW(int dimension, Hyper hyper) {
        return new Adam(dimension, hyper, true);
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
        t++;
        double b1 = hyper.beta1();
        double b2 = hyper.beta2();
        double wd = hyper.weightDecay();
        double bc1 = 1 - StrictMath.pow(b1, t);
        double bc2 = 1 - StrictMath.pow(b2, t);
        double bc2Sqrt = Math.sqrt(bc2);
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            if (wd != 0) {
                if (decoupled) {
                    p[i] = p[i] * (1 - lr * wd);
                } else {
                    gi = gi + wd * p[i];
                }
            }
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            double second = v[i];
            if (hyper.amsgrad()) {
                vMax[i] = Math.max(vMax[i], v[i]);
                second = vMax[i];
            }
            mHat[i] = m[i] / bc1;
            vHat[i] = second / bc2;
            effectiveLr[i] = lr / (Math.sqrt(second) / bc2Sqrt + hyper.eps());
            p[i] = p[i] - effectiveLr[i] * mHat[i];
        }
    }

    @Override
    public double[] mHat() {
        return mHat;
    }

    @Override
    public double[] vHat() {
        return vHat;
    }

    @Override
    public double[] effectiveLr() {
        return effectiveLr;
    }
}
