package io.downhill.optim.schedules;

/**
 * torch.optim.lr_scheduler.ReduceLROnPlateau, fed the full loss after every step:
 *
 * <pre>
 * if better(L, best):  best ← L;  bad ← 0   else:  bad ← bad + 1
 * if cooldown_counter > 0:  cooldown_counter ← cooldown_counter − 1;  bad ← 0
 * if bad > patience:
 *     new ← max(lr · factor, min_lr);  if lr − new > eps:  lr ← new
 *     cooldown_counter ← cooldown;  bad ← 0
 * better (mode min, rel): L < best·(1 − threshold)     (abs): L < best − threshold
 * better (mode max, rel): L > best·(1 + threshold)     (abs): L > best + threshold
 * </pre>
 *
 * best starts at +∞ (min) or −∞ (max). The first reduction therefore happens after the
 * (patience + 1)-th bad step in a row. A mid-run lr change sets the current lr; the reductions
 * made so far are not re-applied to it, and best, the bad count and the cooldown carry on (torch
 * behaves the same when a training loop assigns {@code param_group['lr']}).
 */
public final class ReduceLrOnPlateau implements Schedule {
    /** The scheduler's settings, named as in torch. */
    public record Settings(
            boolean maximize,
            double factor,
            int patience,
            double threshold,
            boolean relativeThreshold,
            int cooldown,
            double minLr,
            double eps) {}

    private final Settings s;
    private double lr;
    private double best;
    private int bad;
    private int cooldownCounter;

    public ReduceLrOnPlateau(double baseLr, Settings settings) {
        this.s = settings;
        this.lr = baseLr;
        this.best = settings.maximize() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @Override
    public double lr(int t) {
        return lr;
    }

    @Override
    public void setBaseLr(double newLr) {
        lr = newLr;
    }

    @Override
    public void observe(int t, double loss) {
        if (better(loss)) {
            best = loss;
            bad = 0;
        } else {
            bad++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            bad = 0;
        }
        if (bad > s.patience()) {
            double reduced = Math.max(lr * s.factor(), s.minLr());
            if (lr - reduced > s.eps()) {
                lr = reduced;
            }
            cooldownCounter = s.cooldown();
            bad = 0;
        }
    }

    private boolean better(double a) {
        if (s.maximize()) {
            return s.relativeThreshold() ? a > best * (1 + s.threshold()) : a > best + s.threshold();
        }
        return s.relativeThreshold() ? a < best * (1 - s.threshold()) : a < best - s.threshold();
    }
}
