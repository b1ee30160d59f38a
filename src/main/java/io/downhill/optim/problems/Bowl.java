package io.downhill.optim.problems;

import java.util.List;

/** f(x, y) = x² + 2y²: gradient descent contracts x by (1 − 2·lr) and y by (1 − 4·lr) per step. */
public final class Bowl implements Problem {
    @Override
    public String name() {
        return "bowl";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        return p[0] * p[0] + 2 * p[1] * p[1];
    }

    @Override
    public void gradient(double[] p, double[] out) {
        out[0] = 2 * p[0];
        out[1] = 4 * p[1];
    }

    @Override
    public double[][] range() {
        return new double[][] {{-5, 5}, {-5, 5}};
    }

    @Override
    public List<double[]> minima() {
        return List.<double[]>of(new double[] {0, 0});
    }

    @Override
    public double[] defaultStart() {
        return new double[] {3, 4};
    }
}
