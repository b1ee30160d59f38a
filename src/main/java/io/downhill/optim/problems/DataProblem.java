package io.downhill.optim.problems;

import java.util.List;

/**
 * A model fitted to a seeded dataset. The objective is a mean over samples, so a mini-batch
 * objective is the same formula over a subset: {@link #batchValue} and {@link #batchGradient} take
 * the samples {@code idx[from..to)}. {@link #value} and {@link #gradient} are the full-batch ones,
 * computed by the same code over the samples in index order; a batch that lists every sample in
 * index order therefore gives the full-batch numbers bit for bit.
 */
public abstract class DataProblem implements Problem {
    private final int[] all;

    protected DataProblem(int n) {
        all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
    }

    /** Number of samples. */
    public final int size() {
        return all.length;
    }

    /** The dataset, for plotting. A fresh list. */
    public abstract List<DataPoint> points();

    /** Mean loss over the samples {@code idx[from..to)}. */
    public abstract double batchValue(double[] w, int[] idx, int from, int to);

    /** Gradient of {@link #batchValue} at {@code w}, written into {@code out}. */
    public abstract void batchGradient(double[] w, int[] idx, int from, int to, double[] out);

    @Override
    public final String kind() {
        return "data";
    }

    @Override
    public final double value(double[] w) {
        return batchValue(w, all, 0, all.length);
    }

    @Override
    public final void gradient(double[] w, double[] out) {
        batchGradient(w, all, 0, all.length, out);
    }

    /** A standard normal draw by Box–Muller; StrictMath keeps datasets identical across JVMs. */
    static double gaussian(java.util.SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble(); // in (0, 1], so the log is finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
