package io.downhill.optim.nn;

/**
 * A labelled 2D point set: {@code x[i]} is the i-th input (two coordinates) and {@code y[i]} its
 * label, 0 or 1. The arrays are shared, not copied, because training reads them on every step;
 * treat them as read-only. {@link Datasets} draws the seeded ones the lesson uses.
 */
public record Dataset(double[][] x, int[] y) {
    public Dataset {
        if (x == null || y == null || x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("x and y must be non-empty and of equal length");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != 2) {
                throw new IllegalArgumentException("x[" + i + "] must have 2 coordinates");
            }
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("y[" + i + "] must be 0 or 1");
            }
        }
    }

    /** Number of points. */
    public int size() {
        return y.length;
    }
}
