package io.downhill.optim;

import io.downhill.optim.schedules.ConstantLr;
import io.downhill.optim.schedules.CosineAnnealingLr;
import io.downhill.optim.schedules.CosineAnnealingWarmRestarts;
import io.downhill.optim.schedules.ExponentialLr;
import io.downhill.optim.schedules.LinearLr;
import io.downhill.optim.schedules.ReduceLrOnPlateau;
import io.downhill.optim.schedules.Schedule;
import io.downhill.optim.schedules.StepLr;
import io.downhill.optim.schedules.Warmup;
import java.util.List;

/**
 * The schedule catalog and construction from a spec. Where torch has no default (StepLR's
 * step_size, ExponentialLR's gamma, CosineAnnealingLR's T_max, CosineAnnealingWarmRestarts' T_0)
 * the course picks one, and says so in the description.
 */
final class Schedules {
    private Schedules() {}

    /** One schedule, registered once: its name, label, parameters and how to build it. */
    record Type(String name, String label, String torchName, List<ParamDef> params, String description,
                Factory factory) {}

    /** Builds the schedule a validated spec describes, starting from the optimizer's lr. */
    @FunctionalInterface
    interface Factory {
        Schedule create(ScheduleSpec spec, double baseLr);
    }

    private static final Range STEPS = Range.closed(1, 20000);

    static final List<Type> TYPES = List.of(
            new Type("constant", "Constant", "(no scheduler)", List.of(), "the lr stays at the optimizer's lr",
                    (s, lr) -> new ConstantLr(lr)),
            new Type("step", "Step decay", "StepLR", List.of(
                    ParamDef.integer("step_size", 50, STEPS, "steps between decays (torch: required)"),
                    ParamDef.number("gamma", 0.1, Range.aboveUpTo(0, 10), "factor applied every step_size")),
                    "lr_t = γ · gamma^⌊t/step_size⌋",
                    (s, lr) -> new StepLr(lr, s.integer("step_size"), s.number("gamma"))),
            new Type("exponential", "Exponential decay", "ExponentialLR", List.of(
                    ParamDef.number("gamma", 0.99, Range.aboveUpTo(0, 10),
                            "factor applied every step (torch: required)")),
                    "lr_t = γ · gamma^t",
                    (s, lr) -> new ExponentialLr(lr, s.number("gamma"))),
            new Type("cosine", "Cosine annealing", "CosineAnnealingLR", List.of(
                    ParamDef.integer("T_max", null, STEPS,
                            "half-period in steps; default stop.max_steps (torch: required)"),
                    ParamDef.number("eta_min", 0.0, Range.closed(0, 10), "lowest lr")),
                    "lr_t = η_min + (γ − η_min)·(1 + cos(π·t/T_max))/2",
                    (s, lr) -> new CosineAnnealingLr(lr, s.integer("T_max"), s.number("eta_min"))),
            new Type("linear", "Linear", "LinearLR", List.of(
                    ParamDef.number("start_factor", 1.0 / 3, Range.aboveUpTo(0, 1), "factor at t = 0"),
                    ParamDef.number("end_factor", 1.0, Range.closed(0, 1), "factor from total_iters on"),
                    ParamDef.integer("total_iters", 5, STEPS, "steps to go from start to end factor")),
                    "lr_t = γ · (start + (end − start) · min(t, total_iters)/total_iters)",
                    (s, lr) -> new LinearLr(lr, s.number("start_factor"), s.number("end_factor"),
                            s.integer("total_iters"))),
            new Type("cosine-restarts", "Cosine with warm restarts", "CosineAnnealingWarmRestarts", List.of(
                    ParamDef.integer("T_0", 50, STEPS, "length of the first cycle (torch: required)"),
                    ParamDef.integer("T_mult", 1, Range.closed(1, 10), "cycle length multiplier"),
                    ParamDef.number("eta_min", 0.0, Range.closed(0, 10), "lowest lr")),
                    "cosine annealing that restarts at the top after every cycle",
                    (s, lr) -> new CosineAnnealingWarmRestarts(lr, s.integer("T_0"), s.integer("T_mult"),
                            s.number("eta_min"))),
            new Type("plateau", "Reduce on plateau", "ReduceLROnPlateau", List.of(
                    ParamDef.choice("mode", "min", List.of("min", "max"), "whether the loss should fall"),
                    ParamDef.number("factor", 0.1, Range.open(0, 1), "lr ← lr·factor on a plateau"),
                    ParamDef.integer("patience", 10, Range.closed(0, 20000),
                            "bad steps tolerated; the lr is cut after patience + 1"),
                    ParamDef.number("threshold", 1e-4, Range.closed(0, 1000), "minimum improvement"),
                    ParamDef.choice("threshold_mode", "rel", List.of("rel", "abs"),
                            "improvement relative to the best loss, or absolute"),
                    ParamDef.integer("cooldown", 0, Range.closed(0, 20000), "steps to wait after a cut"),
                    ParamDef.number("min_lr", 0.0, Range.closed(0, 10), "lower bound on the lr"),
                    ParamDef.number("eps", 1e-8, Range.closed(0, 1), "cuts smaller than this are skipped")),
                    "cuts the lr when the full loss stops improving",
                    (s, lr) -> new ReduceLrOnPlateau(lr, new ReduceLrOnPlateau.Settings(
                            s.params().get("mode").equals("max"), s.number("factor"), s.integer("patience"),
                            s.number("threshold"), s.params().get("threshold_mode").equals("rel"),
                            s.integer("cooldown"), s.number("min_lr"), s.number("eps")))),
            new Type("warmup", "Linear warmup", "SequentialLR(LinearLR, then)", List.of(
                    ParamDef.integer("warmup_steps", 10, STEPS, "length of the linear warmup"),
                    ParamDef.number("start_factor", 1e-3, Range.aboveUpTo(0, 1),
                            "lr factor at t = 0 (torch's LinearLR forbids 0)"),
                    ParamDef.schedule("then",
                            "schedule after the warmup, its step count starting at 0; default constant;"
                                    + " any schedule but warmup")),
                    "linear warmup from start_factor·γ to γ, then another schedule",
                    (s, lr) -> new Warmup(lr, s.integer("warmup_steps"), s.number("start_factor"),
                            create((ScheduleSpec) s.params().get("then"), lr))));

    static Type type(String name) {
        for (Type t : TYPES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    static Schedule create(ScheduleSpec s, double baseLr) {
        Type type = type(s.name());
        if (type == null) {
            throw new IllegalArgumentException("unknown schedule " + s.name());
        }
        return type.factory().create(s, baseLr);
    }
}
