package io.downhill.optim.optimizers;

import io.downhill.optim.ParamDef;
import io.downhill.optim.Range;
import java.util.List;

/**
 * torch.optim.SGD (also the "momentum" and "nesterov" presets). Per step, from the torch docs:
 *
 * <pre>
 * if λ ≠ 0:  g ← g + λθ
 * if μ ≠ 0:
 *     if t > 1:  b ← μ·b + (1 − τ)·g
 *     else:      b ← g
 *     if nesterov:  g ← g + μ·b
 *     else:         g ← b
 * θ ← θ − γ·g
 * </pre>
 *
 * with lr γ, momentum μ, dampening τ, weight_decay λ. As in torch, the buffer is created from the
 * first gradient seen while μ ≠ 0 and is kept (not updated) while μ = 0, so setting μ back to
 * non-zero mid-run resumes it.
 */
public final class Sgd implements Optimizer {
    /** SGD's hyper-parameters other than lr. */
    public record Hyper(double momentum, double dampening, boolean nesterov, double weightDecay) {
        static Hyper of(HyperParams p) {
            return new Hyper(p.number("momentum"), p.number("dampening"), p.flag("nesterov"),
                    p.number("weight_decay"));
        }
    }

    /** torch.optim.SGD refuses nesterov without momentum or with dampening. */
    private static final List<OptimizerType.Rule> RULES = List.of(new OptimizerType.Rule("nesterov",
            List.of("nesterov", "momentum", "dampening"), "requires momentum > 0 and dampening = 0",
            p -> !Boolean.TRUE.equals(p.get("nesterov"))
                    || ((Double) p.get("momentum") > 0 && (Double) p.get("dampening") == 0)));

    public static final OptimizerType SGD = new OptimizerType("sgd", "SGD", "sgd", 0.002, "SGD",
            "gradient descent: θ ← θ − γ·g", params(0, false), Sgd::create, RULES);
    public static final OptimizerType MOMENTUM = new OptimizerType("momentum", "Momentum", "momentum", 0.002,
            "SGD", "SGD with heavy-ball momentum 0.9: b ← μ·b + g, θ ← θ − γ·b", params(0.9, false), Sgd::create,
            RULES);
    public static final OptimizerType NESTEROV = new OptimizerType("nesterov", "Nesterov", "nesterov", 0.001,
            "SGD", "SGD with Nesterov momentum 0.9: b ← μ·b + g, θ ← θ − γ·(g + μ·b)", params(0.9, true),
            Sgd::create, RULES);

    private static List<ParamDef> params(double momentum, boolean nesterov) {
        return List.of(
                OptimizerType.lr(1e-3),
                ParamDef.number("momentum", momentum, Range.closed(0, 1), "momentum factor μ"),
                ParamDef.number("dampening", 0.0, Range.closed(0, 1), "dampening τ for momentum"),
                OptimizerType.weightDecay(0),
                ParamDef.bool("nesterov", nesterov, "Nesterov momentum (needs momentum > 0, dampening 0)"),
                OptimizerType.clip());
    }

    private static Sgd create(HyperParams p, int dimension) {
        return new Sgd(dimension, Hyper.of(p));
    }

    private final double[] zeros;
    private Hyper hyper;
    private double[] buf; // null until the first momentum step, like torch's momentum_buffer

    public Sgd(int dimension, Hyper hyper) {
        this.zeros = new double[dimension];
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
        double wd = hyper.weightDecay();
        double mu = hyper.momentum();
        int d = p.length;
        if (wd != 0) {
            for (int i = 0; i < d; i++) {
                g[i] = g[i] + wd * p[i];
            }
        }
        double[] dir = g;
        if (mu != 0) {
            if (buf == null) {
                buf = g.clone();
            } else {
                double keep = 1 - hyper.dampening();
                for (int i = 0; i < d; i++) {
                    buf[i] = mu * buf[i] + keep * g[i];
                }
            }
            if (hyper.nesterov()) {
                for (int i = 0; i < d; i++) {
                    g[i] = g[i] + mu * buf[i];
                }
            } else {
                dir = buf;
            }
        }
        for (int i = 0; i < d; i++) {
            p[i] = p[i] - lr * dir[i];
        }
    }

    @Override
    public double[] velocity() {
        if (hyper.momentum() == 0) {
            return null;
        }
        return buf == null ? zeros : buf;
    }
}
