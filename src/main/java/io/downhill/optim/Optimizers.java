package io.downhill.optim;

import io.downhill.optim.optimizers.Adagrad;
import io.downhill.optim.optimizers.Adam;
import io.downhill.optim.optimizers.Optimizer;
import io.downhill.optim.optimizers.RmsProp;
import io.downhill.optim.optimizers.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The optimizer catalog (names, torch defaults and ranges) and construction from a spec. */
final class Optimizers {
    private Optimizers() {}

    record Type(String name, String torchName, List<ParamDef> params, String description) {}

    static final double MAX_LR = 10;
    static final String CLIP = "clip_grad_norm";

    private static ParamDef lr(double def) {
        return ParamDef.number("lr", def, Range.aboveUpTo(0, MAX_LR), "learning rate γ");
    }

    private static ParamDef weightDecay(double def) {
        return ParamDef.number("weight_decay", def, Range.closed(0, 10), "weight decay λ");
    }

    private static ParamDef eps(double def) {
        return ParamDef.number("eps", def, Range.closed(0, 1), "ε added to the denominator");
    }

    private static final ParamDef CLIP_DEF = ParamDef.optionalNumber(CLIP, Range.aboveUpTo(0, 1e6),
            "max_norm of torch.nn.utils.clip_grad_norm_ applied before the step; null = no clipping");

    private static List<ParamDef> sgd(double momentum, boolean nesterov) {
        return List.of(
                lr(1e-3),
                ParamDef.number("momentum", momentum, Range.closed(0, 1), "momentum factor μ"),
                ParamDef.number("dampening", 0.0, Range.closed(0, 1), "dampening τ for momentum"),
                weightDecay(0),
                ParamDef.bool("nesterov", nesterov, "Nesterov momentum (needs momentum > 0, dampening 0)"),
                CLIP_DEF);
    }

    private static List<ParamDef> adam(double weightDecay) {
        return List.of(
                lr(1e-3),
                ParamDef.pair("betas", List.of(0.9, 0.999), Range.fromBelow(0, 1),
                        "(β₁, β₂): decay rates of the first and second moment averages"),
                eps(1e-8),
                weightDecay(weightDecay),
                ParamDef.bool("amsgrad", false, "use the running maximum of v (AMSGrad)"),
                CLIP_DEF);
    }

    static final List<Type> TYPES = List.of(
            new Type("sgd", "SGD", sgd(0, false), "gradient descent: θ ← θ − γ·g"),
            new Type("momentum", "SGD", sgd(0.9, false),
                    "SGD with heavy-ball momentum 0.9: b ← μ·b + g, θ ← θ − γ·b"),
            new Type("nesterov", "SGD", sgd(0.9, true),
                    "SGD with Nesterov momentum 0.9: b ← μ·b + g, θ ← θ − γ·(g + μ·b)"),
            new Type("adagrad", "Adagrad", List.of(
                    lr(1e-2),
                    ParamDef.number("lr_decay", 0.0, Range.closed(0, 10), "lr decay η: γ/(1 + (t−1)·η)"),
                    weightDecay(0),
                    ParamDef.number("initial_accumulator_value", 0.0, Range.closed(0, 100),
                            "starting value of the sum of squared gradients (fixed at the start)"),
                    eps(1e-10),
                    CLIP_DEF),
                    "per-coordinate steps shrinking with the sum of all squared gradients"),
            new Type("rmsprop", "RMSprop", List.of(
                    lr(1e-2),
                    ParamDef.number("alpha", 0.99, Range.closed(0, 1), "smoothing constant α"),
                    eps(1e-8),
                    weightDecay(0),
                    ParamDef.number("momentum", 0.0, Range.closed(0, 1), "momentum factor μ"),
                    ParamDef.bool("centered", false, "normalise by the estimated variance of the gradient"),
                    CLIP_DEF),
                    "per-coordinate steps scaled by a moving average of squared gradients"),
            new Type("adam", "Adam", adam(0),
                    "momentum plus RMSprop-style scaling, both bias-corrected"),
            new Type("adamw", "AdamW", adam(0.01),
                    "Adam with decoupled weight decay: θ ← θ·(1 − γλ) before the Adam step"));

    static Type type(String name) {
        for (Type t : TYPES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    static List<String> names() {
        List<String> out = new ArrayList<>();
        TYPES.forEach(t -> out.add(t.name()));
        return out;
    }

    static Optimizer create(String name, Map<String, Object> p, int dim) {
        return switch (name) {
            case "sgd", "momentum", "nesterov" -> new Sgd(dim, sgdHyper(p));
            case "adagrad" -> new Adagrad(dim, num(p, "initial_accumulator_value"), adagradHyper(p));
            case "rmsprop" -> new RmsProp(dim, rmsHyper(p));
            case "adam" -> Adam.adam(dim, adamHyper(p));
            case "adamw" -> Adam.adamW(dim, adamHyper(p));
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        };
    }

    /** Hands changed hyper-parameters to a running optimizer; its state is kept. */
    static void configure(Optimizer o, Map<String, Object> p) {
        if (o instanceof Sgd s) {
            s.setHyper(sgdHyper(p));
        } else if (o instanceof Adagrad a) {
            a.setHyper(adagradHyper(p));
        } else if (o instanceof RmsProp r) {
            r.setHyper(rmsHyper(p));
        } else if (o instanceof Adam a) {
            a.setHyper(adamHyper(p));
        }
    }

    private static Sgd.Hyper sgdHyper(Map<String, Object> p) {
        return new Sgd.Hyper(num(p, "momentum"), num(p, "dampening"), flag(p, "nesterov"),
                num(p, "weight_decay"));
    }

    private static Adagrad.Hyper adagradHyper(Map<String, Object> p) {
        return new Adagrad.Hyper(num(p, "lr_decay"), num(p, "weight_decay"), num(p, "eps"));
    }

    private static RmsProp.Hyper rmsHyper(Map<String, Object> p) {
        return new RmsProp.Hyper(num(p, "alpha"), num(p, "eps"), num(p, "weight_decay"),
                num(p, "momentum"), flag(p, "centered"));
    }

    private static Adam.Hyper adamHyper(Map<String, Object> p) {
        @SuppressWarnings("unchecked")
        List<Double> betas = (List<Double>) p.get("betas");
        return new Adam.Hyper(betas.get(0), betas.get(1), num(p, "eps"), num(p, "weight_decay"),
                flag(p, "amsgrad"));
    }

    private static double num(Map<String, Object> p, String key) {
        return (Double) p.get(key);
    }

    private static boolean flag(Map<String, Object> p, String key) {
        return (Boolean) p.get(key);
    }
}
