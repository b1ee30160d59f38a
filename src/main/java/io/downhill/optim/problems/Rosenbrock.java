package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x, y) = (a − x)² + b(y − x²)² with a = 1, b = 100: a curved, flat-bottomed valley with its
 * minimum at (1, 1).
 */
public final class Rosenbrock implements Problem {
    private static final double A = 1;
    private static final double B = 100;

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        double u = A - p[0];
        double w = p[1] - p[0] * p[0];
        return u * u + B * w * w;
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double w = p[1] - p[0] * p[0];
        out[0] = -2 * (A - p[0]) - 4 * B * p[0] * w;
        out[1] = 2 * B * w;
    }

    @Override
    public double[][] range() {
        return new double[][] {{-2, 2}, {-1, 3}};
    }

    @Override
    public List<double[]> minima() {
        return List.<double[]>of(new double[] {1, 1});
    }

    @Override
    public double[] defaultStart() {
        return new double[] {-1.5, 2};
    }
}
