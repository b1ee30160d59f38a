package io.downhill.optim.problems;

import java.util.List;

/**
 * An objective to minimise: a value, its analytic gradient, and what a chart needs to draw it.
 * Implementations are immutable and deterministic; transcendental functions use {@link StrictMath}
 * so that the same spec gives the same bits on every JVM.
 */
public interface Problem {
    /** The catalog name, e.g. {@code "rosenbrock"}. */
    String name();

    /** {@code "1d"}, {@code "2d"} or {@code "data"}. */
    default String kind() {
        return dimension() == 1 ? "1d" : "2d";
    }

    int dimension();

    double value(double[] x);

    /** Writes the gradient at {@code x} into {@code out} (same length as x). */
    void gradient(double[] x, double[] out);

    /** Plot range: one {@code [lo, hi]} per coordinate. A fresh array on each call. */
    double[][] range();

    /** Known minima (local and global), empty when the function has none. Fresh arrays. */
    List<double[]> minima();

    /** Where a run starts when the spec gives no start. A fresh array. */
    double[] defaultStart();
}
