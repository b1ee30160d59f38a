package io.downhill.optim.schedules;

/**
 * Linear warmup, then another schedule: torch's
 * {@code SequentialLR([LinearLR(start_factor, 1.0, total_iters=W), then], milestones=[W])}.
 *
 * <pre>
 * t < W:  lr_t = γ · (start_factor + (1 − start_factor) · t / W)
 * t ≥ W:  lr_t = then.lr(t − W)          (then's own step counter starts at the milestone)
 * </pre>
 *
 * The inner schedule is fed losses only once it is running (t − W ≥ 1). A mid-run lr change goes
 * to both parts.
 */
public final class Warmup implements Schedule {
    private double base;
    private final int warmupSteps;
    private final double startFactor;
    private final Schedule then;

    public Warmup(double baseLr, int warmupSteps, double startFactor, Schedule then) {
        this.base = baseLr;
        this.warmupSteps = warmupSteps;
        this.startFactor = startFactor;
        this.then = then;
    }

    @Override
    public double lr(int t) {
        if (t < warmupSteps) {
            return base * (startFactor + (1 - startFactor) * t / warmupSteps);
        }
        return then.lr(t - warmupSteps);
    }

    @Override
    public void setBaseLr(double lr) {
        base = lr;
        then.setBaseLr(lr);
    }

    @Override
    public void observe(int t, double loss) {
        if (t - warmupSteps >= 1) {
            then.observe(t - warmupSteps, loss);
        }
    }
}
