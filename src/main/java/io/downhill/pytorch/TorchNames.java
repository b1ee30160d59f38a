package io.downhill.pytorch;

import io.downhill.optim.OptimizerSpec;
import io.downhill.optim.ScheduleSpec;
import java.util.List;
import java.util.Map;

/** torch.optim and torch.optim.lr_scheduler constructors for a spec, every value under torch's name. */
final class TorchNames {
    private TorchNames() {}

    /** Spec keys in the order torch's signatures list them; clip_grad_norm is not an optimizer argument. */
    private static final Map<String, List<String>> OPTIMIZER_ARGS = Map.of(
            "SGD", List.of("lr", "momentum", "dampening", "weight_decay", "nesterov"),
            "Adagrad", List.of("lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"),
            "RMSprop", List.of("lr", "alpha", "eps", "weight_decay", "momentum", "centered"),
            "Adam", List.of("lr", "betas", "eps", "weight_decay", "amsgrad"),
            "AdamW", List.of("lr", "betas", "eps", "weight_decay", "amsgrad"));

    static String optimizerClass(String name) {
        return switch (name) {
            case "sgd", "momentum", "nesterov" -> "SGD";
            case "adagrad" -> "Adagrad";
            case "rmsprop" -> "RMSprop";
            case "adam" -> "Adam";
            case "adamw" -> "AdamW";
            default -> throw new IllegalArgumentException("no torch optimizer for " + name);
        };
    }

    static String optimizer(OptimizerSpec o) {
        String cls = optimizerClass(o.name());
        StringBuilder b = new StringBuilder("torch.optim.").append(cls).append("([p]");
        for (String key : OPTIMIZER_ARGS.get(cls)) {
            b.append(", ").append(key).append("=").append(PyFormat.literal(o.params().get(key)));
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
