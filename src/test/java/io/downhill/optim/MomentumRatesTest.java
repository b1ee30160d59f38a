package io.downhill.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentumRatesTest {
    @Test
    void withoutMomentumEachModeShrinksByOneMinusEtaLambda() {
        assertThat(MomentumRates.modeRate(0.5, 0, 1)).isEqualTo(0.5);
        assertThat(MomentumRates.modeRate(0.25, 0, 10)).isEqualTo(1.5);
        // max(|1 − 0.25·1|, |1 − 0.25·10|) = max(0.75, 1.5)
        assertThat(MomentumRates.rate(0.25, 0, 1, 10)).isEqualTo(1.5);
        assertThat(MomentumRates.rate(0.125, 0, 1, 10)).isEqualTo(0.875);
    }

    @Test
    void aComplexPairHasModulusSqrtMu() {
        // μ = 0.25, ηλ = 1: a = 0.25, a² − 4μ = −0.9375 < 0, so both roots have modulus √0.25
        assertThat(MomentumRates.modeRate(1, 0.25, 1)).isEqualTo(0.5);
        assertThat(MomentumRates.modeRate(0.1, 0.64, 10)).isEqualTo(0.8);
    }

    @Test
    void realRootsGiveTheLargerOne() {
        // μ = 0.25, ηλ = 2.5: a = −1.25, roots (−1.25 ± 0.75)/2 = −0.25 and −1: the edge 2(1 + μ)
        assertThat(MomentumRates.modeRate(2.5, 0.25, 1)).isEqualTo(1.0);
        // μ = 0.25, ηλ = 0.25: a = 1, roots (1 ± 0)/2: critically damped at √μ
        assertThat(MomentumRates.modeRate(0.25, 0.25, 1)).isEqualTo(0.5);
        // μ = 0.09, ηλ = 0.09: a = 1, a² − 4μ = 0.64, roots (1 ± 0.8)/2 = 0.9 and 0.1
        assertThat(MomentumRates.modeRate(0.09, 0.09, 1)).isCloseTo(0.9, within(1e-15));
    }

    @Test
    void theOptimumOfKappa100() {
        MomentumRates.Tuning best = MomentumRates.optimum(1, 100);
        // η* = 4/(√100 + √1)² = 4/121, μ* = ((10 − 1)/(10 + 1))² = 81/121, rate 9/11
        assertThat(best.lr()).isEqualTo(4.0 / 121);
        assertThat(best.momentum()).isCloseTo(81.0 / 121, within(1e-16));
        assertThat(best.rate()).isEqualTo(9.0 / 11);
        // both ends are critically damped there; the discriminant is zero up to rounding, whose
        // square root can add about 1e-8
        assertThat(MomentumRates.rate(best.lr(), best.momentum(), 1, 100)).isCloseTo(9.0 / 11, within(1e-7));
        assertThat(MomentumRates.modeRate(best.lr(), best.momentum(), 1)).isCloseTo(9.0 / 11, within(1e-7));
        assertThat(MomentumRates.modeRate(best.lr(), best.momentum(), 100)).isCloseTo(9.0 / 11, within(1e-7));
    }

    @Test
    void plainDescentAtBestIsKappaMinusOneOverKappaPlusOne() {
        MomentumRates.Tuning gd = MomentumRates.bestPlain(1, 100);
        assertThat(gd.lr()).isEqualTo(2.0 / 101);
        assertThat(gd.rate()).isEqualTo(99.0 / 101);
        assertThat(MomentumRates.rate(gd.lr(), 0, 1, 100)).isCloseTo(99.0 / 101, within(1e-15));
        // steps for a millionfold: ln(1e-6)/ln(rate): 691 for plain GD, 69 with momentum (√κ fewer)
        assertThat((int) Math.ceil(Math.log(1e-6) / Math.log(99.0 / 101))).isEqualTo(691);
        assertThat((int) Math.ceil(Math.log(1e-6) / Math.log(9.0 / 11))).isEqualTo(69);
    }

    /** The numbers lesson 5 quotes in "Momentum on a quadratic". */
    @Test
    void theLessonsNumbers() {
        MomentumRates.Tuning best = MomentumRates.optimum(1, 10);
        assertThat(best.lr()).isCloseTo(0.231, within(5e-4));
        assertThat(best.momentum()).isCloseTo(0.270, within(5e-4));
        assertThat(best.rate()).isCloseTo(0.519, within(5e-4));
        assertThat(MomentumRates.bestPlain(1, 10).rate()).isCloseTo(0.818, within(5e-4));
        assertThat(steps(best.rate())).isEqualTo(22);
        assertThat(steps(MomentumRates.bestPlain(1, 10).rate())).isEqualTo(69);
        assertThat(steps(MomentumRates.optimum(1, 1000).rate())).isEqualTo(219);
        assertThat(steps(MomentumRates.bestPlain(1, 1000).rate())).isEqualTo(6908);
        // the engine agrees: the measured rate at the optimum of κ = 10 is within 1% of 0.519
        assertThat(MomentumRates.measured(10, best.lr(), best.momentum())).isCloseTo(best.rate(), within(0.01));
    }

    private static int steps(double rate) {
        return (int) Math.ceil(Math.log(1e-6) / Math.log(rate));
    }

    @Test
    void theOptimumBeatsEveryGridPoint() {
        Map<String, Object> map = MomentumRates.map(10, 81);
        double[][] rates = (double[][]) map.get("rate");
        double best = MomentumRates.optimum(1, 10).rate();
        for (double[] row : rates) {
            for (double r : row) {
                assertThat(r).isGreaterThanOrEqualTo(best - 1e-7);
            }
        }
    }

    @Test
    void axesAndACell() {
        Map<String, Object> map = MomentumRates.map(10, 5);
        assertThat((double[]) map.get("eta")).containsExactly(new double[] {0.08, 0.16, 0.24, 0.32, 0.4}, within(1e-16));
        assertThat((double[]) map.get("mu")).containsExactly(new double[] {0, 0.2475, 0.495, 0.7425, 0.99}, within(1e-15));
        double[][] rates = (double[][]) map.get("rate");
        // μ = 0, η = 0.4: max(|1 − 0.4|, |1 − 4|) = 3
        assertThat(rates[0][4]).isEqualTo(3.0);
        assertThat(rates[0][0]).isEqualTo(0.92);
    }

    @Test
    void measuredRatesAgreeWithPredictedOnes() {
        double[][] points = {{0.1, 0}, {0.15, 0.3}, {0.1, 0.5}, {0.05, 0.9}, {0.18, 0}};
        for (double[] p : points) {
            double predicted = MomentumRates.rate(p[0], p[1], 1, 10);
            assertThat(MomentumRates.measured(10, p[0], p[1])).as("η %s μ %s", p[0], p[1])
                    .isCloseTo(predicted, within(0.01));
        }
        MomentumRates.Tuning best = MomentumRates.optimum(1, 100);
        assertThat(MomentumRates.measured(100, best.lr(), best.momentum())).isCloseTo(best.rate(), within(0.01));
        // a diverging point measures above 1
        assertThat(MomentumRates.measured(10, 0.3, 0)).isGreaterThan(1.9);
        // κ = 1, η = 1, μ = 0 lands on the minimum in one step
        assertThat(MomentumRates.measured(1, 1, 0)).isEqualTo(0.0);
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> MomentumRates.map(0.5, 10)).hasMessageContaining("kappa");
        assertThatThrownBy(() -> MomentumRates.map(10, 500)).hasMessageContaining("n");
    }
}
