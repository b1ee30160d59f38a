package io.downhill.optim;

import io.downhill.optim.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ways to get a gradient, side by side at one point: reverse-mode automatic
 * differentiation (exact up to rounding), and forward and central differences over a sweep of
 * step sizes h = 10⁻¹ … 10⁻¹⁵. The sweep shows the trade-off the lesson explains: the truncation
 * error falls with h (like h for forward, h² for central) until round-off, which grows like ε/h,
 * takes over.
 *
 * @param value f at the point
 * @param automatic the gradient by reverse-mode automatic differentiation
 * @param sweep one row per step size
 */
public record GradientComparison(double value, double[] automatic, List<Row> sweep) {

    /** Estimates at one h, and each one's error relative to the automatic gradient's size. */
    public record Row(double h, double[] forward, double[] central, double forwardError, double centralError) {}

    public static final int SMALLEST_EXPONENT = 15;

    public static GradientComparison at(Expression f, double[] point) {
        double[] x = point.clone();
        double[] auto = new double[x.length];
        double value = f.valueAndGradient(x, auto);
        double scale = Math.max(Run.norm(auto), 1e-300);
        List<Row> rows = new ArrayList<>();
        for (int k = 1; k <= SMALLEST_EXPONENT; k++) {
            double h = Math.pow(10, -k);
            double[] fwd = new double[x.length];
            double[] ctr = new double[x.length];
            FiniteDifference.forward(f::value, x, h, fwd);
            FiniteDifference.central(f::value, x, h, ctr);
            rows.add(new Row(h, fwd, ctr, Run.distance(fwd, auto) / scale, Run.distance(ctr, auto) / scale));
        }
        return new GradientComparison(value, auto, List.copyOf(rows));
    }

    /** Function evaluations per gradient: forward d+1, central 2d; automatic is one forward and one backward pass. */
    public static int forwardEvaluations(int dimension) {
        return dimension + 1;
    }

    public static int centralEvaluations(int dimension) {
        return 2 * dimension;
    }
}
