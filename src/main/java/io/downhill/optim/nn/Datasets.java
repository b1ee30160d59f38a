package io.downhill.optim.nn;

import io.downhill.optim.SpecException;
import java.util.SplittableRandom;

/**
 * The three seeded toy sets of the neural-network lesson, each a clean curve plus Gaussian noise
 * of standard deviation {@code noise} on both coordinates. Points alternate between the two
 * classes (label i mod 2) so that any prefix is balanced and the arms/rings are evenly filled.
 *
 * <ul>
 *   <li><b>moons</b> (as scikit-learn's make_moons): class 0 on the upper half circle
 *       (cos θ, sin θ), class 1 on the lower one shifted to (1 − cos θ, 0.5 − sin θ), θ ∈ [0, π].
 *   <li><b>circles</b>: class 0 on the unit circle, class 1 on the circle of radius 0.5.
 *   <li><b>spiral</b>: two interleaved arms r·(cos φ, sin φ) with r ∈ [0.1, 1] and φ = 3π·r plus
 *       π for class 1, so neither a line nor a circle separates them.
 * </ul>
 */
public final class Datasets {
    public static final int DEFAULT_N = 200;
    public static final double DEFAULT_NOISE = 0.1;

    private Datasets() {}

    /** Draws dataset {@code name} ("moons", "circles", "spiral"); noise is drawn from the seed. */
    public static Dataset generate(String name, int n, double noise, long seed) {
        if (n < 20 || n > 1000) {
            throw new SpecException("n", "must be an integer >= 20 and <= 1000");
        }
        if (!(noise >= 0 && noise <= 1)) {
            throw new SpecException("noise", "must be >= 0 and <= 1");
        }
        if (name == null) {
            throw new SpecException("dataset", "must be one of moons, circles, spiral");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        int perClass0 = (n + 1) / 2;
        int perClass1 = n / 2;
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            // the k-th of the class's count points along its curve
            int k = i / 2;
            int count = label == 0 ? perClass0 : perClass1;
            double[] p = switch (name) {
                case "moons" -> moon(label, (double) k / (count - 1));
                case "circles" -> ring(label, (double) k / count);
                case "spiral" -> arm(label, (double) k / (count - 1));
                default -> throw new SpecException("dataset", "must be one of moons, circles, spiral");
            };
            p[0] += noise * gaussian(rng);
            p[1] += noise * gaussian(rng);
            x[i] = p;
            y[i] = label;
        }
        return new Dataset(x, y);
    }

    /** s ∈ [0, 1] runs from one tip of the moon to the other. */
    private static double[] moon(int label, double s) {
        double theta = StrictMath.PI * s;
        if (label == 0) {
            return new double[] {StrictMath.cos(theta), StrictMath.sin(theta)};
        }
        return new double[] {1 - StrictMath.cos(theta), 0.5 - StrictMath.sin(theta)};
    }

    /** s ∈ [0, 1) goes once round: a closed curve must not repeat its first point at s = 1. */
    private static double[] ring(int label, double s) {
        double theta = 2 * StrictMath.PI * s;
        double r = label == 0 ? 1 : 0.5;
        return new double[] {r * StrictMath.cos(theta), r * StrictMath.sin(theta)};
    }

    /** s ∈ [0, 1] runs from the centre of the arm to its outer end. */
    private static double[] arm(int label, double s) {
        double r = 0.1 + 0.9 * s;
        double phi = 3 * StrictMath.PI * r + label * StrictMath.PI;
        return new double[] {r * StrictMath.cos(phi), r * StrictMath.sin(phi)};
    }

    /** A standard normal draw by Box–Muller; StrictMath keeps datasets identical across JVMs. */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble(); // in (0, 1], so the log is finite
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
