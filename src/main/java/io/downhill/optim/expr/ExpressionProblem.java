package io.downhill.optim.expr;

import io.downhill.optim.problems.Problem;
import java.util.Arrays;
import java.util.List;

/**
 * A user-written f(x) or f(x, y) as a problem, its gradient by reverse-mode automatic
 * differentiation. Nothing is known about its minima, so the list is empty.
 */
public final class ExpressionProblem implements Problem {
    /** Plot range per coordinate when the spec gives none. */
    public static final double[] DEFAULT_RANGE = {-3, 3};

    private final Expression expression;
    private final double[][] range;

    public ExpressionProblem(Expression expression) {
        this(expression, defaultRange(expression.dimension()));
    }

    /** @param range one {@code [lo, hi]} per coordinate */
    public ExpressionProblem(Expression expression, double[][] range) {
        if (range.length != expression.dimension()) {
            throw new IllegalArgumentException("range needs " + expression.dimension() + " intervals");
        }
        this.expression = expression;
        this.range = copy(range);
    }

    public static double[][] defaultRange(int dimension) {
        double[][] r = new double[dimension][];
        for (int i = 0; i < dimension; i++) {
            r[i] = DEFAULT_RANGE.clone();
        }
        return r;
    }

    public Expression expression() {
        return expression;
    }

    @Override
    public String name() {
        return "expression";
    }

    @Override
    public int dimension() {
        return expression.dimension();
    }

    @Override
    public double value(double[] x) {
        return expression.value(x);
    }

    @Override
    public void gradient(double[] x, double[] out) {
        expression.valueAndGradient(x, out);
    }

    @Override
    public double[][] range() {
        return copy(range);
    }

    @Override
    public List<double[]> minima() {
        return List.of();
    }

    @Override
    public double[] defaultStart() {
        double[] start = new double[dimension()];
        Arrays.fill(start, 1);
        return start;
    }

    private static double[][] copy(double[][] r) {
        double[][] out = new double[r.length][];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i].clone();
        }
        return out;
    }
}
