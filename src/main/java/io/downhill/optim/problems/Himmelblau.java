package io.downhill.optim.problems;

import java.util.List;

/**
 * f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four global minima with f = 0. Three are irrational;
 * their coordinates below come from 40-digit Newton iterations on the gradient.
 */
public final class Himmelblau implements Problem {
    @Override
    public String name() {
        return "himmelblau";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        double u = p[0] * p[0] + p[1] - 11;
        double w = p[0] + p[1] * p[1] - 7;
        return u * u + w * w;
    }

    @Override
    public void gradient(double[] p, double[] out) {
        double u = p[0] * p[0] + p[1] - 11;
        double w = p[0] + p[1] * p[1] - 7;
        out[0] = 4 * p[0] * u + 2 * w;
        out[1] = 2 * u + 4 * p[1] * w;
    }

    @Override
    public double[][] range() {
        return new double[][] {{-5, 5}, {-5, 5}};
    }

    @Override
    public List<double[]> minima() {
        return List.of(
                new double[] {3, 2},
                new double[] {-2.805118086952744853, 3.131312518250572966},
                new double[] {-3.779310253377746892, -3.283185991286169412},
                new double[] {3.584428340330491745, -1.848126526964403554});
    }

    @Override
    public double[] defaultStart() {
        return new double[] {0, 0};
    }
}
