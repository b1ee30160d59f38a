package io.downhill.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.optim.expr.Expression;
import org.junit.jupiter.api.Test;

class GradientComparisonTest {
    // f = sin(x)·y + x², at (1, 2): ∂f/∂x = cos(1)·2 + 2, ∂f/∂y = sin(1)
    private final GradientComparison c = GradientComparison.at(Expression.parse("sin(x)*y + x^2", 2), new double[] {1, 2});

    @Test
    void automaticDifferentiationGivesTheHandDerivedGradient() {
        assertThat(c.value()).isEqualTo(StrictMath.sin(1) * 2 + 1);
        assertThat(c.automatic()[0]).isCloseTo(StrictMath.cos(1) * 2 + 2, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(c.automatic()[1]).isCloseTo(StrictMath.sin(1), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void truncationErrorFallsLikeHForForwardAndHSquaredForCentral() {
        // rows 1..3 are h = 1e-1, 1e-2, 1e-3: far from round-off, the error ratio per decade is ~10 and ~100
        GradientComparison.Row h1 = c.sweep().get(0);
        GradientComparison.Row h2 = c.sweep().get(1);
        GradientComparison.Row h3 = c.sweep().get(2);
        assertThat(h1.forwardError() / h2.forwardError()).isBetween(8.0, 12.0);
        assertThat(h2.forwardError() / h3.forwardError()).isBetween(8.0, 12.0);
        assertThat(h1.centralError() / h2.centralError()).isBetween(80.0, 120.0);
        assertThat(h2.centralError() / h3.centralError()).isBetween(80.0, 120.0);
    }

    @Test
    void roundOffWinsForTinySteps() {
        GradientComparison.Row best = c.sweep().get(4);   // h = 1e-5, near the best central h
        GradientComparison.Row tiny = c.sweep().get(14);  // h = 1e-15
        assertThat(c.sweep()).hasSize(15);
        assertThat(tiny.h()).isEqualTo(1e-15);
        assertThat(tiny.centralError()).isGreaterThan(1000 * best.centralError());
        assertThat(tiny.forwardError()).isGreaterThan(1e-3);
    }

    @Test
    void evaluationCounts() {
        assertThat(GradientComparison.forwardEvaluations(2)).isEqualTo(3);
        assertThat(GradientComparison.centralEvaluations(2)).isEqualTo(4);
    }
}
