package io.downhill.optim.schedules;

/** torch.optim.lr_scheduler.StepLR, closed form: lr_t = γ · gamma^⌊t / step_size⌋. */
public final class StepLr implements Schedule {
    private double base;
    private final int stepSize;
    private final double gamma;

    public StepLr(double baseLr, int stepSize, double gamma) {
        this.base = baseLr;
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    @Override
    public double lr(int t) {
        return base * StrictMath.pow(gamma, t / stepSize);
    }

    @Override
    public void setBaseLr(double lr) {
        base = lr;
    }
}
