package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x, y) = x⁴ − 3x² + x + 2y²: the double well of {@link DoubleWell} along x, a bowl along y.
 * Two minima at y = 0, the global one at x ≈ −1.3008 (f ≈ −3.5139) and a local one at x ≈ 1.1309
 * (f ≈ −1.0702), with a saddle between them at x ≈ 0.1699. Which one a run ends in depends on where
 * it starts: a basin map colours each start by its destination.
 */
public final class DoubleWell2d implements Problem {
    private final DoubleWell well = new DoubleWell();

    @Override
    public String name() {
        return "double-well-2d";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        return well.value(new double[] {p[0]}) + 2 * p[1] * p[1];
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double[] gx = new double[1];
        well.gradient(new double[] {p[0]}, gx);
        out[0] = gx[0];
        out[1] = 4 * p[1];
    }

    @Override
    public double[][] range() {
        return new double[][] {{-2.2, 2.2}, {-2, 2}};
    }

    @Override
    public List<double[]> minima() {
        return List.of(new double[] {DoubleWell.GLOBAL_MIN, 0}, new double[] {DoubleWell.LOCAL_MIN, 0});
    }

    @Override
    public double[] defaultStart() {
        return new double[] {2, 1.5};
    }
}
