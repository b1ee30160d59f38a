package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x, y) = x³ − 3xy²: a degenerate saddle (gradient and Hessian both vanish at the origin) with
 * three downhill valleys; no minimum.
 */
public final class MonkeySaddle implements Problem {
    @Override
    public String name() {
        return "monkey-saddle";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        double x = p[0];
        double y = p[1];
        return x * x * x - 3 * x * y * y;
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double x = p[0];
        double y = p[1];
        out[0] = 3 * x * x - 3 * y * y;
        out[1] = -6 * x * y;
    }

    @Override
    public double[][] range() {
        return new double[][] {{-2, 2}, {-2, 2}};
    }

    @Override
    public List<double[]> minima() {
        return List.of();
    }

    @Override
    public double[] defaultStart() {
        return new double[] {1.5, 0.3};
    }
}
