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
import java.util.function.Supplier;

/** The problem catalog: names, parameters, and construction of instances from a spec. */
public final class Problems {
    private Problems() {}

    /**
     * One problem, registered once: the name a spec uses, the label people read, its parameters
     * and how to build an instance. Data problems start at the origin by default.
     */
    record Type(String name, String label, String kind, int dimension, List<ParamDef> params, String description,
                Factory factory) {}

    /** Builds the instance a validated spec describes; data problems draw their dataset from the seed. */
    @FunctionalInterface
    interface Factory {
        Problem create(ProblemSpec spec, long seed);
    }

    private static List<ParamDef> dataParams(double noise, String noiseMeaning) {
        return List.of(
                ParamDef.integer("n", 100, Range.closed(2, 1000), "number of samples"),
                ParamDef.number("noise", noise, Range.closed(0, 10), noiseMeaning),
                ParamDef.integer("batch_size", null, Range.closed(1, 1000),
                        "samples per gradient; default n (full batch); at most n"));
    }

    /** A problem without parameters. */
    private static Type plain(String name, String label, String kind, String description, Supplier<Problem> make) {
        return new Type(name, label, kind, kind.equals("1d") ? 1 : 2, List.of(), description, (s, seed) -> make.get());
    }

    static final List<Type> TYPES = List.of(
            new Type("quadratic", "Quadratic", "1d", 1,
                    List.of(ParamDef.number("a", 1.0, Range.aboveUpTo(0, 100), "curvature a")),
                    "f(x) = a·x²/2: gradient descent is stable for lr < 2/a",
                    (s, seed) -> new Quadratic(s.number("a"))),
            plain("double-well", "Double well", "1d",
                    "f(x) = x⁴ − 3x² + x: a local minimum near 1.131 and the global one near −1.301", DoubleWell::new),
            plain("plateau", "Plateau", "1d",
                    "f(x) = tanh(x²/4): a narrow valley inside a nearly flat plateau", Plateau::new),
            plain("bowl", "Bowl x² + 2y²", "2d", "f(x, y) = x² + 2y²", Bowl::new),
            new Type("ill-conditioned", "Ill-conditioned bowl", "2d", 2,
                    List.of(ParamDef.number("condition", 10.0, Range.closed(1, 1000),
                            "condition number κ (ratio of the Hessian's eigenvalues)")),
                    "f(x, y) = (x² + κ·y²)/2: a long narrow valley where gradient descent zig-zags",
                    (s, seed) -> new IllConditioned(s.number("condition"))),
            plain("rosenbrock", "Rosenbrock", "2d",
                    "f(x, y) = (1 − x)² + 100·(y − x²)²: a curved valley, minimum at (1, 1)", Rosenbrock::new),
            plain("beale", "Beale", "2d",
                    "Beale's function: flat arms and steep walls, minimum at (3, 0.5)", Beale::new),
            plain("himmelblau", "Himmelblau", "2d",
                    "f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four equal minima; the start decides which",
                    Himmelblau::new),
            plain("saddle", "Saddle x² − y²", "2d", "f(x, y) = x² − y²: a saddle point and no minimum", Saddle::new),
            plain("monkey-saddle", "Monkey saddle", "2d",
                    "f(x, y) = x³ − 3xy²: a flat degenerate saddle with three downhill valleys", MonkeySaddle::new),
            plain("double-well-2d", "Two valleys", "2d",
                    "f(x, y) = x⁴ − 3x² + x + 2y²: a local and a global minimum; the start decides which",
                    DoubleWell2d::new),
            plain("plateau-2d", "Plateau", "2d",
                    "f(x, y) = tanh((x² + 2y²)/4): a valley surrounded by a plateau", Plateau2d::new),
            new Type("linear-regression", "Linear regression", "data", 2,
                    dataParams(0.5, "standard deviation of the Gaussian noise on y"),
                    "fit y = w·x + b (true line y = 2x + 1) by half the mean squared error; params [w, b]",
                    (s, seed) -> new LinearRegression(s.integer("n"), s.number("noise"), dataRandom(seed))),
            new Type("logistic-regression", "Logistic regression", "data", 3,
                    dataParams(1.0, "standard deviation of each Gaussian blob"),
                    "classify two Gaussian blobs by mean cross-entropy; params [w1, w2, b]",
                    (s, seed) -> new LogisticRegression(s.integer("n"), s.number("noise"), dataRandom(seed))));

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
        if (spec.name().equals(ExpressionSpecs.NAME)) {
            return ExpressionSpecs.create(spec);
        }
        Type type = type(spec.name());
        if (type == null) {
            throw new IllegalArgumentException("unknown problem " + spec.name());
        }
        return type.factory().create(spec, seed);
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
