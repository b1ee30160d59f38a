package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x, y) = tanh((x² + 2y²)/4): an elongated valley at the origin surrounded by a plateau at f → 1
 * where the gradient all but vanishes (‖∇f‖ ≈ 0.002 at the default start (3.5, 1.5)).
 */
public final class Plateau2d implements Problem {
    @Override
    public String name() {
        return "plateau-2d";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        return StrictMath.tanh((p[0] * p[0] + 2 * p[1] * p[1]) / 4);
    }

    @Override
    public void gradient(double[] p, double[] out) {
        // sech² as 1/cosh² rather than 1 − tanh², which cancels to 0 on the plateau
        double c = StrictMath.cosh((p[0] * p[0] + 2 * p[1] * p[1]) / 4);
        double sech2 = 1 / (c * c);
        out[0] = (p[0] / 2) * sech2;
        out[1] = p[1] * sech2;
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
        return new double[] {3.5, 1.5};
    }
}
