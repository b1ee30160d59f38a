package io.downhill.optim.schedules;

/** torch.optim.lr_scheduler.ExponentialLR, closed form: lr_t = γ · gamma^t. */
public final class ExponentialLr implements Schedule {
    private double base;
    private final double gamma;

    public ExponentialLr(double baseLr, double gamma) {
        this.base = baseLr;
        this.gamma = gamma;
    }

    @Override
    public double lr(int t) {
        return base * StrictMath.pow(gamma, t);
    }

    @Override
    public void setBaseLr(double lr) {
        base = lr;
    }
}
