package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x) = a x² / 2, so {@code a} is the curvature: gradient descent contracts x by (1 − lr·a) per step
 * and diverges for lr > 2/a, the textbook stability limit.
 */
public final class Quadratic implements Problem {
    private final double a;

    public Quadratic(double a) {
        this.a = a;
    }

    @Override
    public String name() {
        return "quadratic";
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double value(double[] x) {
        return 0.5 * a * x[0] * x[0];
    }

    @Override
    public void gradient(double[] x, double[] out) {
        out[0] = a * x[0];
    }

    @Override
    public double[][] range() {
        return new double[][] {{-4, 4}};
    }

    @Override
    public List<double[]> minima() {
        return List.<double[]>of(new double[] {0});
    }

    @Override
    public double[] defaultStart() {
        return new double[] {3};
    }
}
