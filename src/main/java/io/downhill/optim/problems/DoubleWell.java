package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x) = x⁴ − 3x² + x: an asymmetric double well. The roots of f'(x) = 4x³ − 6x + 1 are
 * −1.300839565941577 (global minimum, f = −3.513905038934789), 0.169938443311591 (local maximum)
 * and 1.130901122629986 (local minimum, f = −1.070230181776154), computed with 40-digit Newton
 * iterations. Started at 2, plain gradient descent settles in the worse, local minimum.
 */
public final class DoubleWell implements Problem {
    public static final double GLOBAL_MIN = -1.300839565941577126;
    public static final double LOCAL_MIN = 1.130901122629985850;

    @Override
    public String name() {
        return "double-well";
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double value(double[] x) {
        double v = x[0];
        double v2 = v * v;
        return v2 * v2 - 3 * v2 + v;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        double v = x[0];
        out[0] = 4 * v * v * v - 6 * v + 1;
    }

    @Override
    public double[][] range() {
        return new double[][] {{-2.2, 2.2}};
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {GLOBAL_MIN}, new double[] {LOCAL_MIN});
    }

    @Override
    public double[] defaultStart() {
        return new double[] {2};
    }
}
