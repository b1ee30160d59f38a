package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x, y) = x² − y²: a saddle at the origin and no minimum (f is unbounded below along y). Started
 * with y ≠ 0, gradient descent first slides toward the saddle, then escapes along y.
 */
public final class Saddle implements Problem {
    @Override
    public String name() {
        return "saddle";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        return p[0] * p[0] - p[1] * p[1];
    }

    @Override
    public void gradient(double[] p, double[] out) {
        out[0] = 2 * p[0];
        out[1] = -2 * p[1];
    }

    @Override
    public double[][] range() {
        return new double[][] {{-3, 3}, {-3, 3}};
    }

    @Override
    public List<double[]> minima() {
        return List.of();
    }

    @Override
    public double[] defaultStart() {
        return new double[] {-2.5, 0.1};
    }
}
