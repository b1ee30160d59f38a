package io.downhill.optim;

import io.downhill.optim.expr.ExpressionProblem;
import io.downhill.optim.nn.NetSpec;
import io.downhill.optim.problems.DataProblem;
import io.downhill.optim.problems.Problem;

/**
 * What a computation will cost, known before it starts, in work units of about a nanosecond of
 * one core (the constants were measured on the reference 2-core machine, see the benchmark
 * {@code WorkCalibration}). A server uses these to refuse what is too big for one request and to
 * share its cores by cost; a little pessimism is fine, underestimates are not.
 */
public final class Work {
    /** The most one request may cost: about three seconds of one core. */
    public static final long MAX_PER_REQUEST = 3_000_000_000L;
    /**
     * The most one training stream may cost: a learner watches it form for a while, so it may take
     * longer than a run, and the fair scheduler keeps it from slowing anyone else.
     */
    public static final long MAX_TRAINING = 10_000_000_000L;

    /** One step's bookkeeping: the update, the stopping rules, copying and writing the step. */
    static final long STEP = 5_000;
    /** One value (or analytic gradient) of a built-in 1D or 2D function. */
    static final long BUILT_IN = 80;
    /** One node of a typed function, evaluated forward (the backward pass costs about twice that). */
    static final long NODE = 60;
    /** One sample times one parameter of a data problem (logistic regression pays an exp per sample). */
    static final long DATA_TERM = 60;
    /** One multiply-add of a network. */
    static final long MULTIPLY_ADD = 3;
    /** One activation of one unit (tanh and sigmoid are the costly ones). */
    static final long ACTIVATION = 100;
    /**
     * The longest piece of work that cannot be split (one training update): pieces this short let
     * other clients' work run in between.
     */
    public static final long MAX_PIECE = 12_000_000;

    private Work() {}

    /** Steps of runs on a built-in function, when only their number is known. */
    public static long steps(long count) {
        return saturating(count, STEP + 4 * BUILT_IN);
    }

    /** One evaluation of the loss over everything it covers. */
    public static long evaluation(Problem p) {
        if (p instanceof ExpressionProblem e) {
            return NODE * e.expression().nodes().size();
        }
        if (p instanceof DataProblem d) {
            return DATA_TERM * (long) d.size() * d.dimension();
        }
        return BUILT_IN;
    }

    /** One step of a run of {@code spec} on {@code p}: the full loss plus the gradient its method costs. */
    public static long step(RunSpec spec, Problem p) {
        long value = evaluation(p);
        long batchValue = value;
        if (p instanceof DataProblem d && spec.problem().params().get("batch_size") instanceof Integer b) {
            batchValue = DATA_TERM * (long) Math.min(b, d.size()) * d.dimension();
        }
        int dim = p.dimension();
        long gradient = switch (spec.gradient().method()) {
            case "forward" -> (dim + 1) * batchValue;
            case "central" -> 2L * dim * batchValue;
            default -> 3 * batchValue;
        };
        return STEP + value + gradient;
    }

    /** A whole run: every step up to {@code max_steps} (a run that stops early costs less). */
    public static long run(RunSpec spec) {
        return run(spec, spec.createProblem());
    }

    public static long run(RunSpec spec, Problem p) {
        return saturating((spec.stop().maxSteps() + 1L), step(spec, p));
    }

    /** {@code rows} rows of an n-wide basin map: a whole run from every start. */
    public static long basins(RunSpec spec, int n, int rows) {
        return saturating((long) n * rows, run(spec));
    }

    /** The function on {@code cells} grid points. */
    public static long grid(Problem p, long cells) {
        return saturating(cells, evaluation(p) + 20);
    }

    /** One forward pass of one point through the network. */
    static long pass(NetSpec net) {
        return MULTIPLY_ADD * net.depth() * net.width() * net.width() + ACTIVATION * net.depth() * net.width() + 100;
    }

    /** One training update: forward and backward over the batch, about three passes per sample. */
    public static long trainingUpdate(NetSpec net, int n) {
        return 3L * Math.min(net.batchSize(), n) * pass(net);
    }

    /**
     * Training a network: per step, the update and the loss over all n points (a pass each); plus
     * a decision surface of {@code gridCells} points drawn {@code grids} times.
     */
    public static long training(NetSpec net, int n, int steps, int gridCells, int grids) {
        long perStep = trainingUpdate(net, n) + n * pass(net) + STEP;
        return saturating(steps, perStep) + saturating((long) gridCells * grids, pass(net));
    }

    /** Steps in one frame of a training stream, and every how many frames the decision surface is drawn. */
    public static final int TRAINING_STEPS_PER_FRAME = 10;
    public static final int TRAINING_SURFACE_EVERY = 5;
    /** The decision surface: a 30 × 30 grid. */
    public static final int TRAINING_SURFACE = 30;

    /** Frames of a training stream that carry a decision surface (those of steps 10, 60, 110, … and the last): at most every 5th and the last. */
    public static int trainingSurfaces(int maxSteps) {
        int frames = (maxSteps + TRAINING_STEPS_PER_FRAME - 1) / TRAINING_STEPS_PER_FRAME;
        return (frames + TRAINING_SURFACE_EVERY - 1) / TRAINING_SURFACE_EVERY + 1;
    }

    /** A whole training stream: its steps and its decision surfaces. */
    public static long trainingStream(NetSpec net, int n, int maxSteps) {
        return training(net, n, maxSteps, TRAINING_SURFACE * TRAINING_SURFACE, trainingSurfaces(maxSteps));
    }

    private static long saturating(long a, long b) {
        long r = a * b;
        return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE / 4 : r;
    }
}
