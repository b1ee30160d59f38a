package io.downhill.optim.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Binary classification of two Gaussian blobs: sample i has label y = i mod 2 (balanced classes)
 * and inputs centre(y) + noise·N(0, I₂), with centres (2, 1) for y = 1 and (0, −1) for y = 0 (the
 * boundary does not pass through the origin, so the bias matters). Parameters are [w1, w2, b],
 * z = w1·x1 + w2·x2 + b, and the loss is the mean cross-entropy
 * L = (1/m) Σ [log(1 + e^z) − y·z], evaluated as max(z, 0) − y·z + log1p(e^−|z|) so that it never
 * overflows; its gradient is (1/m) Σ (σ(z) − y)·[x1, x2, 1].
 *
 * <p>The minimum, when the classes overlap, is found by Newton's method at construction. Linearly
 * separable data (e.g. noise 0 or tiny n) has no finite minimiser: {@link #minima()} is then empty.
 */
public final class LogisticRegression extends DataProblem {
    private final double[] x1;
    private final double[] x2;
    private final double[] ys;
    private final double[] optimum; // null when Newton's method finds no finite minimiser

    /** Draws the dataset from {@code rng}: for each point the two noise draws, x1 then x2. */
    public LogisticRegression(int n, double noise, SplittableRandom rng) {
        super(n);
        x1 = new double[n];
        x2 = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = i % 2;
            double c1 = ys[i] == 1 ? 2 : 0;
            double c2 = ys[i] == 1 ? 1 : -1;
            x1[i] = c1 + noise * gaussian(rng);
            x2[i] = c2 + noise * gaussian(rng);
        }
        optimum = newton();
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + StrictMath.exp(-z));
        }
        double e = StrictMath.exp(z);
        return e / (1 + e);
    }

    @Override
    public String name() {
        return "logistic-regression";
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double batchValue(double[] w, int[] idx, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            int i = idx[k];
            double z = w[0] * x1[i] + w[1] * x2[i] + w[2];
            s += Math.max(z, 0) - ys[i] * z + StrictMath.log1p(StrictMath.exp(-Math.abs(z)));
        }
        return s / (to - from);
    }

    @Override
    public void batchGradient(double[] w, int[] idx, int from, int to, double[] out) {
        double g0 = 0;
        double g1 = 0;
        double g2 = 0;
        for (int k = from; k < to; k++) {
            int i = idx[k];
            double r = sigmoid(w[0] * x1[i] + w[1] * x2[i] + w[2]) - ys[i];
            g0 += r * x1[i];
            g1 += r * x2[i];
            g2 += r;
        }
        int m = to - from;
        out[0] = g0 / m;
        out[1] = g1 / m;
        out[2] = g2 / m;
    }

    /** Newton's method from 0; null if the steps do not shrink to nothing (separable data). */
    private double[] newton() {
        int n = ys.length;
        double[] w = new double[3];
        for (int iter = 0; iter < 100; iter++) {
            double[] g = new double[3];
            double[][] h = new double[3][4]; // augmented matrix [H | g]
            for (int i = 0; i < n; i++) {
                double[] xi = {x1[i], x2[i], 1};
                double p = sigmoid(w[0] * xi[0] + w[1] * xi[1] + w[2]);
                for (int a = 0; a < 3; a++) {
                    g[a] += (p - ys[i]) * xi[a] / n;
                    for (int b = 0; b < 3; b++) {
                        h[a][b] += p * (1 - p) * xi[a] * xi[b] / n;
                    }
                }
            }
            for (int a = 0; a < 3; a++) {
                h[a][3] = g[a];
            }
            double[] step = solve(h);
            if (step == null) {
                return null;
            }
            double size = 0;
            for (int a = 0; a < 3; a++) {
                w[a] -= step[a];
                size += step[a] * step[a];
            }
            if (Double.isNaN(size) || norm(w) > 1e6) {
                return null;
            }
            // quadratic convergence takes the step to rounding level; on separable data it stays ~constant
            if (Math.sqrt(size) <= 1e-12 * Math.max(1, norm(w))) {
                return w;
            }
        }
        return null;
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    /** Gaussian elimination with partial pivoting on a 3×4 augmented matrix; null if singular. */
    private static double[] solve(double[][] m) {
        for (int c = 0; c < 3; c++) {
            int pivot = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(m[pivot][c]) > 1e-300)) {
                return null;
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            for (int r = c + 1; r < 3; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k < 4; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[3];
        for (int r = 2; r >= 0; r--) {
            double s = m[r][3];
            for (int k = r + 1; k < 3; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    @Override
    public double[][] range() {
        double[][] r = {{-6, 6}, {-6, 6}, {-6, 6}};
        if (optimum != null) {
            for (int a = 0; a < 3; a++) {
                r[a][0] = Math.min(r[a][0], optimum[a] - 1);
                r[a][1] = Math.max(r[a][1], optimum[a] + 1);
            }
        }
        return r;
    }

    @Override
    public List<double[]> minima() {
        return optimum == null ? List.of() : List.of(optimum.clone());
    }

    @Override
    public double[] defaultStart() {
        return new double[] {0, 0, 0};
    }

    @Override
    public List<DataPoint> points() {
        List<DataPoint> out = new ArrayList<>(ys.length);
        for (int i = 0; i < ys.length; i++) {
            out.add(new DataPoint(new double[] {x1[i], x2[i]}, ys[i]));
        }
        return out;
    }
}
