package io.downhill.optim.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

/** Relative comparisons for the expression tests. */
final class Approx {
    private Approx() {}

    /** |actual − expected| ≤ rel·|expected|, with a floor of 1e-300 so exact zeros must be zero-ish. */
    static void rel(double actual, double expected, double rel) {
        assertThat(actual).isCloseTo(expected, within(rel * Math.abs(expected) + 1e-300));
    }

    /** Relative 1e-15: one or two roundings apart at most. */
    static void near(double actual, double expected) {
        rel(actual, expected, 1e-15);
    }

    static double value(String text, double... point) {
        return Expression.parse(text, point.length).value(point);
    }

    static double[] gradient(String text, double... point) {
        double[] g = new double[point.length];
        Arrays.fill(g, Double.NaN); // must be overwritten, not added to
        Expression.parse(text, point.length).valueAndGradient(point, g);
        return g;
    }
}
