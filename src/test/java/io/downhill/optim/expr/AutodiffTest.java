package io.downhill.optim.expr;

import static io.downhill.optim.expr.Approx.gradient;
import static io.downhill.optim.expr.Approx.near;
import static io.downhill.optim.expr.Approx.rel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.downhill.optim.problems.DoubleWell;
import io.downhill.optim.problems.Himmelblau;
import io.downhill.optim.problems.Problem;
import io.downhill.optim.problems.Rosenbrock;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reverse-mode gradients against hand-derived formulas and against central differences. */
class AutodiffTest {

    /** d/dx of f(x) at x = 0.5, as a 1D expression. */
    private static double d(String text, double x) {
        return gradient(text, x)[0];
    }

    @Test
    void everyFunction() {
        double u = 0.5;
        near(d("sin(x)", u), StrictMath.cos(u)); // 0.8775825618903728
        near(d("cos(x)", u), -StrictMath.sin(u)); // −0.479425538604203
        double c = StrictMath.cos(u);
        near(d("tan(x)", u), 1 / (c * c)); // 1/cos² = 1.2984464104095248
        near(d("exp(x)", u), StrictMath.exp(u)); // e^0.5
        near(d("log(x)", u), 2); // 1/u
        near(d("sqrt(x)", u), 1 / (2 * StrictMath.sqrt(u))); // 1/(2√0.5) = 0.7071067811865475
        double t = StrictMath.tanh(u);
        near(d("tanh(x)", u), 1 - t * t); // 0.7864477329659274
        double s = 1 / (1 + StrictMath.exp(-u));
        near(d("sigmoid(x)", u), s * (1 - s)); // 0.2350037122015945
    }

    @Test
    void absUsesTheSignAndZeroAtTheKink() {
        assertThat(d("abs(x)", 2)).isEqualTo(1);
        assertThat(d("abs(x)", -2)).isEqualTo(-1);
        assertThat(d("abs(x)", 0)).isEqualTo(0);
    }

    @Test
    void chainRuleThroughAFunction() {
        // f = sin(x·y) at (0.5, 2): ∂f/∂x = cos(1)·2, ∂f/∂y = cos(1)·0.5
        double[] g = gradient("sin(x*y)", 0.5, 2);
        near(g[0], 2 * StrictMath.cos(1));
        near(g[1], 0.5 * StrictMath.cos(1));
    }

    @Test
    void everyOperator() {
        assertThat(gradient("x+y", 3, 2)).containsExactly(1, 1);
        assertThat(gradient("x-y", 3, 2)).containsExactly(1, -1);
        assertThat(gradient("x*y", 3, 2)).containsExactly(2, 3); // (y, x)
        assertThat(gradient("x/y", 3, 2)).containsExactly(0.5, -0.75); // (1/y, −x/y²) = (1/2, −3/4)
        assertThat(gradient("-x", 3, 2)).containsExactly(-1, 0);
        assertThat(gradient("+x", 3, 2)).containsExactly(1, 0);
        // x^y at (3, 2): (y·x^(y−1), x^y·ln x) = (6, 9·ln 3)
        double[] g = gradient("x^y", 3, 2);
        near(g[0], 6);
        near(g[1], 9 * StrictMath.log(3));
        near(d("2^x", 3), 8 * StrictMath.log(2)); // 2^x·ln 2
        near(d("x^0.5", 4), 0.25); // ½·4^−½
    }

    @Test
    void constantExponentsWorkForNegativeBases() {
        // x^3 at −2: 3·(−2)² = 12; ln(−2) would be NaN, which is why that term is dropped.
        assertThat(d("x^3", -2)).isEqualTo(12);
        assertThat(d("x^2", 0)).isEqualTo(0);
        assertThat(d("x^-1", -2)).isEqualTo(-0.25); // −x^−2
        assertThat(d("x^(2*1)", -3)).isEqualTo(-6); // a constant sub-expression counts as constant
    }

    @Test
    void unusedVariablesAndConstantsHaveZeroGradient() {
        assertThat(gradient("x^2", 3, 5)).containsExactly(6, 0);
        assertThat(gradient("7", 3, 5)).containsExactly(0, 0);
        // 0·sqrt(x) at 0: the factor √x has an infinite slope but f is identically 0.
        assertThat(d("0*sqrt(x)", 0)).isEqualTo(0);
    }

    @Test
    void variableUsedTwiceSumsBothPaths() {
        // f = x·x + x at 3: 3 + 3 + 1 = 7
        assertThat(d("x*x + x", 3)).isEqualTo(7);
    }

    @Test
    void valueAndGradientReturnsTheValue() {
        Expression f = Expression.parse("x*y + 1", 2);
        double[] g = new double[2];
        assertThat(f.valueAndGradient(new double[] {3, 4}, g)).isEqualTo(13);
        assertThat(g).containsExactly(4, 3);
    }

    @Test
    void rosenbrockMatchesTheHandWrittenProblem() {
        matches("(1-x)^2 + 100*(y-x^2)^2", new Rosenbrock(), 1e-12);
    }

    @Test
    void himmelblauMatchesTheHandWrittenProblem() {
        matches("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", new Himmelblau(), 1e-12);
    }

    @Test
    void doubleWellMatchesInOneDimension() {
        matches("x^4 - 3*x^2 + x", new DoubleWell(), 1e-12);
    }

    /** Value and gradient agree with {@code p} at 50 seeded points in [−2, 2]^d. */
    private static void matches(String text, Problem p, double tolerance) {
        Expression f = Expression.parse(text, p.dimension());
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 50; i++) {
            double[] x = point(random, p.dimension());
            double[] g = new double[p.dimension()];
            double[] expected = new double[p.dimension()];
            p.gradient(x, expected);
            rel(f.valueAndGradient(x, g), p.value(x), tolerance);
            for (int k = 0; k < g.length; k++) {
                rel(g[k], expected[k], tolerance);
            }
        }
    }

    @Test
    void compositesMatchCentralDifferences() {
        for (String text : new String[] {
                "sin(x)*cos(y) + 0.1*(x^2+y^2)",
                "exp(-(x^2+y^2)/2) * tanh(x - y) + sigmoid(x*y)",
                "sqrt(1 + x^2 + y^2) + log(2 + sin(x*y)) + abs(x - 0.3)/(1 + y^2)",
                "(2 + x^2)^(y/2) - tan(x/3) * e^(-y) / pi",
        }) {
            Expression f = Expression.parse(text, 2);
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 50; i++) {
                double[] x = point(random, 2);
                double[] g = new double[2];
                f.valueAndGradient(x, g);
                for (int k = 0; k < 2; k++) {
                    // Central differences are accurate to O(h²) plus rounding of order ε·|f|/h.
                    double h = 1e-6;
                    double[] plus = x.clone();
                    double[] minus = x.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    double numeric = (f.value(plus) - f.value(minus)) / (2 * h);
                    assertThat(g[k]).as("%s d/d%s at (%s, %s)", text, k == 0 ? "x" : "y", x[0], x[1])
                            .isCloseTo(numeric, within(1e-7 * Math.max(1, Math.abs(numeric))));
                }
            }
        }
    }

    private static double[] point(SplittableRandom random, int dimension) {
        double[] x = new double[dimension];
        for (int k = 0; k < dimension; k++) {
            x[k] = random.nextDouble(-2, 2);
        }
        return x;
    }
}
