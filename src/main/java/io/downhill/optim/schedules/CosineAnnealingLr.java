package io.downhill.optim.schedules;

/**
 * torch.optim.lr_scheduler.CosineAnnealingLR, closed form:
 * lr_t = η_min + (γ − η_min)·(1 + cos(π·t / T_max)) / 2. As in torch's closed form, t is not
 * clamped: past T_max the rate climbs back up along the cosine.
 */
public final class CosineAnnealingLr implements Schedule {
    private double base;
    private final int tMax;
    private final double etaMin;

    public CosineAnnealingLr(double baseLr, int tMax, double etaMin) {
        this.base = baseLr;
        this.tMax = tMax;
        this.etaMin = etaMin;
    }

    @Override
    public double lr(int t) {
        return etaMin + (base - etaMin) * (1 + StrictMath.cos(StrictMath.PI * t / tMax)) / 2;
    }

    @Override
    public void setBaseLr(double lr) {
        base = lr;
    }
}
