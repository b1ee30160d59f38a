package io.downhill.pytorch;

import io.downhill.optim.OptimizerSpec;
import io.downhill.optim.ParamDef;
import io.downhill.optim.ScheduleSpec;
import io.downhill.optim.optimizers.OptimizerType;
import java.util.Map;

/** torch.optim and torch.optim.lr_scheduler constructors for a spec, every value under torch's name. */
final class TorchNames {
    private TorchNames() {}

    /** The torch.optim class of a spec's optimizer, e.g. "SGD" for "momentum". */
    static String optimizerClass(OptimizerSpec o) {
        String cls = o.type().torchName();
        if (cls == null) {
            throw new IllegalArgumentException("no torch optimizer for " + o.name());
        }
        return cls;
    }

    /** The constructor call; the registered params are in torch's order, and clipping is not one of them. */
    static String optimizer(OptimizerSpec o) {
        StringBuilder b = new StringBuilder("torch.optim.").append(optimizerClass(o)).append("([p]");
        for (ParamDef d : o.type().params()) {
            if (!d.name().equals(OptimizerType.CLIP)) {
                b.append(", ").append(d.name()).append("=").append(PyFormat.literal(o.params().get(d.name())));
            }
        }
        return b.append(")").toString();
    }

    /** The scheduler expression, or null for a constant lr (no scheduler). */
    static String schedule(ScheduleSpec s) {
        String p = "torch.optim.lr_scheduler.";
        Map<String, Object> v = s.params();
        return switch (s.name()) {
            case "constant" -> null;
            case "step" -> p + "StepLR(opt" + args(v, "step_size", "gamma") + ")";
            case "exponential" -> p + "ExponentialLR(opt" + args(v, "gamma") + ")";
            case "cosine" -> p + "CosineAnnealingLR(opt" + args(v, "T_max", "eta_min") + ")";
            case "linear" -> p + "LinearLR(opt" + args(v, "start_factor", "end_factor", "total_iters") + ")";
            case "cosine-restarts" -> p + "CosineAnnealingWarmRestarts(opt" + args(v, "T_0", "T_mult", "eta_min") + ")";
            case "plateau" -> p + "ReduceLROnPlateau(opt" + args(v, "mode", "factor", "patience", "threshold",
                    "threshold_mode", "cooldown", "min_lr", "eps") + ")";
            case "warmup" -> warmup(s);
            default -> throw new IllegalArgumentException("no torch scheduler for " + s.name());
        };
    }

    /** The warmup part alone: LinearLR from start_factor to 1 over warmup_steps. */
    static String warmupPart(ScheduleSpec s) {
        return "torch.optim.lr_scheduler.LinearLR(opt, start_factor=" + PyFormat.literal(s.params().get("start_factor"))
                + ", end_factor=1.0, total_iters=" + s.params().get("warmup_steps") + ")";
    }

    private static String warmup(ScheduleSpec s) {
        ScheduleSpec then = (ScheduleSpec) s.params().get("then");
        if (then.name().equals("constant")) {
            // after total_iters LinearLR holds its end factor 1.0: the constant phase needs no scheduler
            return warmupPart(s);
        }
        if (then.name().equals("plateau")) {
            return null; // SequentialLR cannot hand over to ReduceLROnPlateau; the run switches by hand
        }
        return "torch.optim.lr_scheduler.SequentialLR(opt, [" + warmupPart(s) + ", " + schedule(then)
                + "], milestones=[" + s.params().get("warmup_steps") + "])";
    }

    private static String args(Map<String, Object> v, String... keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            b.append(", ").append(k).append("=").append(PyFormat.literal(v.get(k)));
        }
        return b.toString();
    }
}
