package io.downhill.optim.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fit y ≈ w·x + b to n points with x uniform in [−1, 3) and y = 2x + 1 + noise·N(0, 1).
 * Parameters are [w, b]. The loss is half the mean squared error,
 * L = (1/2m) Σ (w xᵢ + b − yᵢ)², so the gradient is the plain mean (1/m) Σ rᵢ·[xᵢ, 1].
 * x is not centred on purpose: w and b are then coupled and the contours are tilted ellipses.
 * The optimum is the closed-form least-squares fit of the drawn data.
 */
public final class LinearRegression extends DataProblem {
    public static final double TRUE_W = 2;
    public static final double TRUE_B = 1;

    private final double[] xs;
    private final double[] ys;
    private final double[] optimum;

    /** Draws the dataset from {@code rng}: for each point first x, then the noise. */
    public LinearRegression(int n, double noise, SplittableRandom rng) {
        super(n);
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -1 + 4 * rng.nextDouble();
            ys[i] = TRUE_W * xs[i] + TRUE_B + noise * gaussian(rng);
        }
        optimum = leastSquares(xs, ys);
    }

    private static double[] leastSquares(double[] xs, double[] ys) {
        int n = xs.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += xs[i];
            my += ys[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        double w = sxy / sxx;
        return new double[] {w, my - w * mx};
    }

    @Override
    public String name() {
        return "linear-regression";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double batchValue(double[] p, int[] idx, int from, int to) {
        double w = p[0];
        double b = p[1];
        double s = 0;
        for (int k = from; k < to; k++) {
            int i = idx[k];
            double r = w * xs[i] + b - ys[i];
            s += r * r;
        }
        return s / (2.0 * (to - from));
    }

    @Override
    public void batchGradient(double[] p, int[] idx, int from, int to, double[] out) {
        double w = p[0];
        double b = p[1];
        double gw = 0;
        double gb = 0;
        for (int k = from; k < to; k++) {
            int i = idx[k];
            double r = w * xs[i] + b - ys[i];
            gw += r * xs[i];
            gb += r;
        }
        int m = to - from;
        out[0] = gw / m;
        out[1] = gb / m;
    }

    @Override
    public double[][] range() {
        // spans both the default start (0, 0) and the optimum, with a margin of 3
        return new double[][] {
            {Math.min(0, optimum[0]) - 3, Math.max(0, optimum[0]) + 3},
            {Math.min(0, optimum[1]) - 3, Math.max(0, optimum[1]) + 3}
        };
    }

    @Override
    public List<double[]> minima() {
        return List.of(optimum.clone());
    }

    @Override
    public double[] defaultStart() {
        return new double[] {0, 0};
    }

    @Override
    public List<DataPoint> points() {
        List<DataPoint> out = new ArrayList<>(xs.length);
        for (int i = 0; i < xs.length; i++) {
            out.add(new DataPoint(new double[] {xs[i]}, ys[i]));
        }
        return out;
    }
}
