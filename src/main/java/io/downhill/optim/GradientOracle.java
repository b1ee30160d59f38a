package io.downhill.optim;

import io.downhill.optim.problems.DataProblem;
import io.downhill.optim.problems.MiniBatches;
import io.downhill.optim.problems.Problem;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The gradient a run's optimizer sees: analytic or finite differences, of the full objective or,
 * for data problems, of the next mini-batch's objective (one batch per call).
 */
final class GradientOracle {
    private final Problem problem;
    private final DataProblem data; // null for plain functions
    private final MiniBatches batches; // null for plain functions
    private final String method;
    private final double h;
    private final ToDoubleFunction<double[]> objective;

    GradientOracle(Problem problem, GradientSpec spec, int batchSize, SplittableRandom batchRandom) {
        this.problem = problem;
        this.method = spec.method();
        this.h = spec.h() == null ? 0 : spec.h();
        if (problem instanceof DataProblem d) {
            this.data = d;
            this.batches = new MiniBatches(d.size(), batchSize, batchRandom);
            this.objective = w -> d.batchValue(w, batches.indices(), batches.from(), batches.to());
        } else {
            this.data = null;
            this.batches = null;
            this.objective = problem::value;
        }
    }

    void gradient(double[] x, double[] out) {
        if (batches != null) {
            batches.next();
        }
        switch (method) {
            case "forward" -> FiniteDifference.forward(objective, x, h, out);
            case "central" -> FiniteDifference.central(objective, x, h, out);
            default -> {
                if (data != null) {
                    data.batchGradient(x, batches.indices(), batches.from(), batches.to(), out);
                } else {
                    problem.gradient(x, out);
                }
            }
        }
    }
}
