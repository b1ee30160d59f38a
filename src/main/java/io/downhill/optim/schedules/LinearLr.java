package io.downhill.optim.schedules;

/**
 * torch.optim.lr_scheduler.LinearLR, closed form:
 * lr_t = γ · (start_factor + (end_factor − start_factor) · min(t, total_iters) / total_iters).
 */
public final class LinearLr implements Schedule {
    private double base;
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    public LinearLr(double baseLr, double startFactor, double endFactor, int totalIters) {
        this.base = baseLr;
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
    }

    @Override
    public double lr(int t) {
        int k = Math.min(t, totalIters);
        return base * (startFactor + (endFactor - startFactor) * k / totalIters);
    }

    @Override
    public void setBaseLr(double lr) {
        base = lr;
    }
}
