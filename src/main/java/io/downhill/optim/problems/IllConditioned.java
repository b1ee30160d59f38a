package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x, y) = ½(x² + κ y²) with κ = {@code condition}: the Hessian's eigenvalues are 1 and κ, so the
 * largest stable lr is 2/κ while progress along x needs lr near 1. The classic zig-zag.
 */
public final class IllConditioned implements Problem {
    private final double kappa;

    public IllConditioned(double condition) {
        this.kappa = condition;
    }

    @Override
    public String name() {
        return "ill-conditioned";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        return 0.5 * (p[0] * p[0] + kappa * p[1] * p[1]);
    }

    @Override
    public void gradient(double[] p, double[] out) {
        out[0] = p[0];
        out[1] = kappa * p[1];
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
        return new double[] {-4, 1};
    }
}
