package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x) = tanh(x²/4): a valley around 0 (f ≈ x²/4 there) that flattens into a plateau at f → 1 for
 * |x| ≳ 3, where f'(x) = (x/2)·sech²(x²/4) is tiny (about 0.015 at the default start 3.5 and 0.0027
 * at 4). Plain gradient descent crawls across the plateau; adaptive methods do not.
 */
public final class Plateau implements Problem {
    @Override
    public String name() {
        return "plateau";
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double value(double[] x) {
        return StrictMath.tanh(x[0] * x[0] / 4);
    }

    @Override
    public void gradient(double[] x, double[] out) {
        // sech² as 1/cosh² rather than 1 − tanh², which cancels to 0 on the plateau
        double c = StrictMath.cosh(x[0] * x[0] / 4);
        out[0] = (x[0] / 2) / (c * c);
    }

    @Override
    public double[][] range() {
        return new double[][] {{-5, 5}};
    }

    @Override
    public List<double[]> minima() {
        return List.<double[]>of(new double[] {0});
    }

    @Override
    public double[] defaultStart() {
        return new double[] {3.5};
    }
}
