package io.downhill.optim;

import io.downhill.optim.problems.Beale;
import io.downhill.optim.problems.Bowl;
import io.downhill.optim.problems.DoubleWell;
import io.downhill.optim.problems.DoubleWell2d;
import io.downhill.optim.problems.Himmelblau;
import io.downhill.optim.problems.IllConditioned;
import io.downhill.optim.problems.LinearRegression;
import io.downhill.optim.problems.LogisticRegression;
import io.downhill.optim.problems.MonkeySaddle;
import io.downhill.optim.problems.Plateau;
import io.downhill.optim.problems.Plateau2d;
import io.downhill.optim.problems.Problem;
import io.downhill.optim.problems.Quadratic;
import io.downhill.optim.problems.Rosenbrock;
import io.downhill.optim.problems.Saddle;
import java.util.List;
import java.util.SplittableRandom;

/** The problem catalog: names, parameters, and construction of instances from a spec. */
public final class Problems {
    private Problems() {}

    /** One catalog entry. Data problems start at the origin by default. */
    record Type(String name, String kind, int dimension, List<ParamDef> params, String description) {}

    private static List<ParamDef> dataParams(double noise, String noiseMeaning) {
        return List.of(
                ParamDef.integer("n", 100, Range.closed(2, 1000), "number of samples"),
                ParamDef.number("noise", noise, Range.closed(0, 10), noiseMeaning),
                ParamDef.integer("batch_size", null, Range.closed(1, 1000),
                        "samples per gradient; default n (full batch); at most n"));
    }

    static final List<Type> TYPES = List.of(
            new Type("quadratic", "1d", 1,
                    List.of(ParamDef.number("a", 1.0, Range.aboveUpTo(0, 100), "curvature a")),
                    "f(x) = a·x²/2: gradient descent is stable for lr < 2/a"),
            new Type("double-well", "1d", 1, List.of(),
                    "f(x) = x⁴ − 3x² + x: a local minimum near 1.131 and the global one near −1.301"),
            new Type("plateau", "1d", 1, List.of(),
                    "f(x) = tanh(x²/4): a narrow valley inside a nearly flat plateau"),
            new Type("bowl", "2d", 2, List.of(), "f(x, y) = x² + 2y²"),
            new Type("ill-conditioned", "2d", 2,
                    List.of(ParamDef.number("condition", 10.0, Range.closed(1, 1000),
                            "condition number κ (ratio of the Hessian's eigenvalues)")),
                    "f(x, y) = (x² + κ·y²)/2: a long narrow valley where gradient descent zig-zags"),
            new Type("rosenbrock", "2d", 2, List.of(),
                    "f(x, y) = (1 − x)² + 100·(y − x²)²: a curved valley, minimum at (1, 1)"),
            new Type("beale", "2d", 2, List.of(),
                    "Beale's function: flat arms and steep walls, minimum at (3, 0.5)"),
            new Type("himmelblau", "2d", 2, List.of(),
                    "f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four equal minima; the start decides which"),
            new Type("saddle", "2d", 2, List.of(),
                    "f(x, y) = x² − y²: a saddle point and no minimum"),
            new Type("monkey-saddle", "2d", 2, List.of(),
                    "f(x, y) = x³ − 3xy²: a flat degenerate saddle with three downhill valleys"),
            new Type("double-well-2d", "2d", 2, List.of(),
                    "f(x, y) = x⁴ − 3x² + x + 2y²: a local and a global minimum; the start decides which"),
            new Type("plateau-2d", "2d", 2, List.of(),
                    "f(x, y) = tanh((x² + 2y²)/4): a valley surrounded by a plateau"),
            new Type("linear-regression", "data", 2,
                    dataParams(0.5, "standard deviation of the Gaussian noise on y"),
                    "fit y = w·x + b (true line y = 2x + 1) by half the mean squared error; params [w, b]"),
            new Type("logistic-regression", "data", 3,
                    dataParams(1.0, "standard deviation of each Gaussian blob"),
                    "classify two Gaussian blobs by mean cross-entropy; params [w1, w2, b]"));

    static Type type(String name) {
        for (Type t : TYPES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The instance a spec describes. Data problems draw their dataset from the first split of
     * {@code new SplittableRandom(seed)}; a run draws its mini-batches from the second split.
     */
    public static Problem create(ProblemSpec spec, long seed) {
        return switch (spec.name()) {
            case "quadratic" -> new Quadratic(spec.number("a"));
            case "double-well" -> new DoubleWell();
            case "plateau" -> new Plateau();
            case "bowl" -> new Bowl();
            case "ill-conditioned" -> new IllConditioned(spec.number("condition"));
            case "rosenbrock" -> new Rosenbrock();
            case "beale" -> new Beale();
            case "himmelblau" -> new Himmelblau();
            case "saddle" -> new Saddle();
            case "monkey-saddle" -> new MonkeySaddle();
            case "plateau-2d" -> new Plateau2d();
            case "double-well-2d" -> new DoubleWell2d();
            case "linear-regression" ->
                    new LinearRegression(spec.integer("n"), spec.number("noise"), dataRandom(seed));
            case "logistic-regression" ->
                    new LogisticRegression(spec.integer("n"), spec.number("noise"), dataRandom(seed));
            case ExpressionSpecs.NAME -> ExpressionSpecs.create(spec);
            default -> throw new IllegalArgumentException("unknown problem " + spec.name());
        };
    }

    static SplittableRandom dataRandom(long seed) {
        return new SplittableRandom(seed).split();
    }

    static SplittableRandom batchRandom(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split();
        return root.split();
    }

    /** The default start without drawing a dataset: the origin for data problems. */
    static double[] defaultStart(ProblemSpec spec, Type type) {
        if (type.kind().equals("data")) {
            return new double[type.dimension()];
        }
        return create(spec, 0).defaultStart();
    }
}
