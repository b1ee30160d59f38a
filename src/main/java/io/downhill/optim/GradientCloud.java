package io.downhill.optim;

import io.downhill.optim.problems.DataProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The full-batch gradient at a point and a sample of mini-batch gradients around it: the picture
 * of why a mini-batch gradient is an unbiased but noisy estimate, whose spread shrinks like 1/B.
 * Real sampling: each mini-batch is B distinct samples drawn from the seeded generator.
 *
 * @param full the gradient over every sample
 * @param batches one gradient per drawn mini-batch
 */
public record GradientCloud(double[] full, List<double[]> batches) {
    public static final int MAX_SAMPLES = 200;

    public static GradientCloud sample(DataProblem problem, double[] w, int batchSize, int samples, long seed) {
        int n = problem.size();
        if (batchSize < 1 || batchSize > n) {
            throw new SpecException("batch_size", "must be from 1 to " + n + " (the number of samples)");
        }
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new SpecException("samples", "must be from 1 to " + MAX_SAMPLES);
        }
        double[] full = new double[w.length];
        problem.gradient(w, full);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] idx = new int[n];
        List<double[]> batches = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            // the first batchSize entries of a partial Fisher–Yates shuffle: B distinct samples
            for (int i = 0; i < batchSize; i++) {
                int j = i + rng.nextInt(n - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            double[] g = new double[w.length];
            problem.batchGradient(w, idx, 0, batchSize, g);
            batches.add(g);
        }
        return new GradientCloud(full, List.copyOf(batches));
    }

    /** Mean squared distance of the mini-batch gradients from the full gradient. */
    public double spread() {
        double sum = 0;
        for (double[] g : batches) {
            for (int i = 0; i < g.length; i++) {
                double d = g[i] - full[i];
                sum += d * d;
            }
        }
        return sum / batches.size();
    }
}
