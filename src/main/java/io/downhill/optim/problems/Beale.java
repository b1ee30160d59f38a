package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at (3, 0.5); steep
 * walls for |y| > 1 and flat arms elsewhere.
 */
public final class Beale implements Problem {
    @Override
    public String name() {
        return "beale";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        double x = p[0];
        double y = p[1];
        double t1 = 1.5 - x + x * y;
        double t2 = 2.25 - x + x * y * y;
        double t3 = 2.625 - x + x * y * y * y;
        return t1 * t1 + t2 * t2 + t3 * t3;
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double x = p[0];
        double y = p[1];
        double y2 = y * y;
        double y3 = y2 * y;
        double t1 = 1.5 - x + x * y;
        double t2 = 2.25 - x + x * y2;
        double t3 = 2.625 - x + x * y3;
        out[0] = 2 * t1 * (y - 1) + 2 * t2 * (y2 - 1) + 2 * t3 * (y3 - 1);
        out[1] = 2 * t1 * x + 2 * t2 * (2 * x * y) + 2 * t3 * (3 * x * y2);
    }

    @Override
    public double[][] range() {
        return new double[][] {{-4.5, 4.5}, {-4.5, 4.5}};
    }

    @Override
    public List<double[]> minima() {
        return List.<double[]>of(new double[] {3, 0.5});
    }

    @Override
    public double[] defaultStart() {
        return new double[] {1, 1.5};
    }
}
