package io.downhill.optim;

import static io.downhill.optim.Specs.map;
import static io.downhill.optim.Specs.run;
import static io.downhill.optim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.downhill.optim.problems.DataProblem;
import io.downhill.optim.problems.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Analytic gradients, known minima and finite-difference behaviour of every problem. */
class ProblemsTest {

    static Stream<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        for (ProblemInfo info : Catalog.problems()) {
            out.add(problem(info.name(), 0));
        }
        // other datasets and parameters too
        out.add(problem(map("name", "linear-regression", "n", 7, "noise", 3), 11));
        out.add(problem(map("name", "logistic-regression", "n", 500, "noise", 2), 12));
        out.add(problem(map("name", "quadratic", "a", 37.5), 0));
        out.add(problem(map("name", "ill-conditioned", "condition", 1000), 0));
        return out.stream();
    }

    static Problem problem(String name, long seed) {
        return problem(map("name", name), seed);
    }

    static Problem problem(Map<String, Object> problem, long seed) {
        Map<String, Object> json = map("problem", problem, "optimizer", map("name", "sgd"),
                "stop", map("max_steps", 1), "seed", seed);
        return RunSpec.fromJson(json).createProblem();
    }

    @ParameterizedTest
    @MethodSource("problems")
    void analyticGradientMatchesCentralDifferencesAt50RandomPoints(Problem p) {
        SplittableRandom rng = new SplittableRandom(2024);
        double[][] range = p.range();
        int d = p.dimension();
        double[] analytic = new double[d];
        double[] numeric = new double[d];
        for (int k = 0; k < 50; k++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = range[i][0] + (range[i][1] - range[i][0]) * rng.nextDouble();
            }
            p.gradient(x, analytic);
            FiniteDifference.central(p::value, x, 1e-5, numeric);
            for (int i = 0; i < d; i++) {
                // relative 1e-6, measured against max(|g|, 1) so that near-zero entries compare absolutely
                assertThat(numeric[i]).as("%s at %s, coordinate %d", p.name(), java.util.Arrays.toString(x), i)
                        .isCloseTo(analytic[i], within(1e-6 * Math.max(Math.abs(analytic[i]), 1)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("problems")
    void listedMinimaAreStationaryAndInsideTheRange(Problem p) {
        double[] g = new double[p.dimension()];
        for (double[] m : p.minima()) {
            p.gradient(m, g);
            for (int i = 0; i < g.length; i++) {
                assertThat(g[i]).as(p.name()).isCloseTo(0, within(1e-9));
                assertThat(m[i]).isBetween(p.range()[i][0], p.range()[i][1]);
            }
        }
        assertThat(p.defaultStart()).hasSize(p.dimension());
    }

    @Test
    void theDoubleWellHasALowerGlobalAndAHigherLocalMinimum() {
        Problem p = problem("double-well", 0);
        double global = p.value(new double[] {-1.300839565941577126});
        double local = p.value(new double[] {1.130901122629985850});
        assertThat(global).isCloseTo(-3.513905038934789, within(1e-12));
        assertThat(local).isCloseTo(-1.070230181776154, within(1e-12));
        assertThat(p.minima()).hasSize(2);
    }

    @Test
    void himmelblauHasFourMinimaAndSaddlesNone() {
        Problem h = problem("himmelblau", 0);
        assertThat(h.minima()).hasSize(4);
        for (double[] m : h.minima()) {
            assertThat(h.value(m)).isCloseTo(0, within(1e-24));
        }
        assertThat(problem("saddle", 0).minima()).isEmpty();
        assertThat(problem("monkey-saddle", 0).minima()).isEmpty();
    }

    @Test
    void separableLogisticDataHasNoFiniteMinimum() {
        // noise 0: every sample sits on its class centre, so the classes are separable
        assertThat(problem(map("name", "logistic-regression", "noise", 0), 0).minima()).isEmpty();
    }

    @Test
    void logisticLossIsStableForHugeMargins() {
        Problem p = problem("logistic-regression", 0);
        assertThat(p.value(new double[] {1e6, 1e6, 0})).isFinite();
        double[] g = new double[3];
        p.gradient(new double[] {-1e6, 1e6, 1e6}, g);
        assertThat(java.util.Arrays.stream(g).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void forwardDifferencesAreFirstOrderAndCentralDifferencesSecondOrder() {
        for (String name : List.of("rosenbrock", "beale", "double-well", "plateau-2d", "himmelblau")) {
            Problem p = problem(name, 0);
            double[] x = name.equals("double-well") ? new double[] {1.5} : new double[] {0.7, 0.4};
            double[] exact = new double[x.length];
            p.gradient(x, exact);
            double[] h = {1e-2, 1e-3, 1e-4};
            double[][] errForward = new double[3][];
            double[][] errCentral = new double[3][];
            for (int k = 0; k < 3; k++) {
                errForward[k] = error(p, x, h[k], exact, true);
                errCentral[k] = error(p, x, h[k], exact, false);
            }
            int checked = 0;
            for (int i = 0; i < x.length; i++) {
                if (errCentral[0][i] < 1e-8) {
                    continue; // f is quadratic along this axis (e.g. Rosenbrock's y): central is exact
                }
                checked++;
                for (int k = 0; k < 2; k++) {
                    // h shrinks 10×: the forward error shrinks ~10×, the central one ~100×
                    assertThat(errForward[k][i] / errForward[k + 1][i]).as(name + " forward " + i)
                            .isBetween(8.0, 12.0);
                    assertThat(errCentral[k][i] / errCentral[k + 1][i]).as(name + " central " + i)
                            .isBetween(80.0, 120.0);
                }
            }
            assertThat(checked).as(name).isPositive();
        }
    }

    private static double[] error(Problem p, double[] x, double h, double[] exact, boolean forward) {
        double[] out = new double[x.length];
        if (forward) {
            FiniteDifference.forward(p::value, x, h, out);
        } else {
            FiniteDifference.central(p::value, x, h, out);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(out[i] - exact[i]);
        }
        return out;
    }

    @Test
    void numericalGradientMethodsInARun() {
        Map<String, Object> analytic = spec("rosenbrock", null, map("name", "sgd", "lr", 1e-3), 20);
        Map<String, Object> central = spec("rosenbrock", null, map("name", "sgd", "lr", 1e-3), 20);
        central.put("gradient", map("method", "central"));
        Map<String, Object> forward = spec("rosenbrock", null, map("name", "sgd", "lr", 1e-3), 20);
        forward.put("gradient", map("method", "forward", "h", 1e-4));
        List<Step> a = run(analytic).steps();
        List<Step> c = run(central).steps();
        List<Step> f = run(forward).steps();
        for (int i = 0; i < 2; i++) {
            assertThat(c.get(0).grad()[i]).isCloseTo(a.get(0).grad()[i], within(1e-6));
            // forward error ≈ h·f''/2: visible at h = 1e-4 (f_xx = 2 − 400y + 1200x² ≈ 1902 here)
            assertThat(Math.abs(f.get(0).grad()[i] - a.get(0).grad()[i])).isLessThan(0.2);
        }
        assertThat(Math.abs(f.get(0).grad()[0] - a.get(0).grad()[0])).isGreaterThan(0.05);
        assertThat(RunSpec.fromJson(central).gradient().h()).isEqualTo(1e-6);
        Map<String, Object> fwdDefault = spec("bowl", null, map("name", "sgd"), 1);
        fwdDefault.put("gradient", map("method", "forward"));
        assertThat(RunSpec.fromJson(fwdDefault).gradient().h()).isEqualTo(1e-8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void numericalGradientsDifferentiateTheMiniBatchObjective() {
        Map<String, Object> analytic = spec("linear-regression", null, map("name", "sgd", "lr", 0.1), 30);
        ((Map<String, Object>) analytic.get("problem")).put("batch_size", 7);
        Map<String, Object> central = spec("linear-regression", null, map("name", "sgd", "lr", 0.1), 30);
        ((Map<String, Object>) central.get("problem")).put("batch_size", 7);
        central.put("gradient", map("method", "central"));
        List<Step> a = run(analytic).steps();
        List<Step> c = run(central).steps();
        DataProblem p = (DataProblem) RunSpec.fromJson(analytic).createProblem();
        double[] full = new double[2];
        for (int t = 0; t <= 30; t++) {
            for (int i = 0; i < 2; i++) {
                assertThat(c.get(t).grad()[i]).isCloseTo(a.get(t).grad()[i], within(1e-5));
            }
        }
        p.gradient(a.get(0).params(), full);
        assertThat(a.get(0).grad()).isNotEqualTo(full); // a 7-sample batch, not the full gradient
    }
}
