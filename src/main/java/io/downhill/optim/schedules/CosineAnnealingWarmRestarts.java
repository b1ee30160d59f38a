package io.downhill.optim.schedules;

/**
 * torch.optim.lr_scheduler.CosineAnnealingWarmRestarts:
 * lr_t = η_min + (γ − η_min)·(1 + cos(π·T_cur / T_i)) / 2, where the first cycle has length
 * T_i = T_0, each restart sets T_cur = 0 and multiplies T_i by T_mult, and T_cur counts steps since
 * the last restart. The cycle is found with exact integer arithmetic (torch's incremental path),
 * not with logarithms.
 */
public final class CosineAnnealingWarmRestarts implements Schedule {
    private double base;
    private final int t0;
    private final int tMult;
    private final double etaMin;

    public CosineAnnealingWarmRestarts(double baseLr, int t0, int tMult, double etaMin) {
        this.base = baseLr;
        this.t0 = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
    }

    @Override
    public double lr(int t) {
        long cycleStart = 0;
        long ti = t0;
        while (t >= cycleStart + ti) {
            cycleStart += ti;
            ti *= tMult;
        }
        long tCur = t - cycleStart;
        return etaMin + (base - etaMin) * (1 + StrictMath.cos(StrictMath.PI * tCur / ti)) / 2;
    }

    @Override
    public void setBaseLr(double lr) {
        base = lr;
    }
}
