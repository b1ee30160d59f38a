package io.downhill.optim.schedules;

/** No scheduler: lr_t = γ, the optimizer's lr. */
public final class ConstantLr implements Schedule {
    private double base;

    public ConstantLr(double baseLr) {
        this.base = baseLr;
    }

    @Override
    public double lr(int t) {
        return base;
    }

    @Override
    public void setBaseLr(double lr) {
        base = lr;
    }
}
