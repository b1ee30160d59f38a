package io.downhill.optim;

import static io.downhill.optim.Specs.list;
import static io.downhill.optim.Specs.map;
import static io.downhill.optim.Specs.run;
import static io.downhill.optim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Laziness, determinism and every way a run can end. */
@SuppressWarnings("unchecked")
class RunTest {

    private static Map<String, Object> bowl(double lr, int maxSteps) {
        return spec("bowl", list(3, 4), map("name", "sgd", "lr", lr), maxSteps);
    }

    private static Map<String, Object> withStop(Map<String, Object> json, String rule, double tol) {
        ((Map<String, Object>) json.get("stop")).put(rule, tol);
        return json;
    }

    @Test
    void stepsAreComputedOnDemand() {
        Run run = Run.start(RunSpec.fromJson(bowl(0.1, 3)));
        assertThat(run.status()).isNull();
        assertThat(run.next().t()).isZero();
        assertThat(run.next().t()).isEqualTo(1);
        assertThat(run.hasNext()).isTrue();
        assertThat(run.status()).isNull();
        run.next();
        Step last = run.next();
        assertThat(last.t()).isEqualTo(3);
        assertThat(run.hasNext()).isFalse();
        assertThat(run.status()).isEqualTo(new Status("max-steps", null, 3));
        assertThatThrownBy(run::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void sameSpecSameBits() {
        Map<String, Object> json = spec("logistic-regression", null,
                map("name", "adam", "lr", 0.05, "amsgrad", true), 300);
        ((Map<String, Object>) json.get("problem")).put("batch_size", 16);
        json.put("schedule", map("name", "warmup", "then", map("name", "plateau", "patience", 3)));
        json.put("changes", list(map("at", 100, "lr", 0.01, "betas", list(0.8, 0.99))));
        json.put("seed", 5);
        List<Step> a = run(json).steps();
        List<Step> b = run(json).steps();
        assertThat(a).hasSize(301);
        for (int t = 0; t < a.size(); t++) {
            assertThat(Arrays.equals(a.get(t).params(), b.get(t).params())).isTrue();
            assertThat(Arrays.equals(a.get(t).grad(), b.get(t).grad())).isTrue();
            assertThat(Arrays.equals(a.get(t).mHat(), b.get(t).mHat())).isTrue();
            assertThat(Double.compare(a.get(t).loss(), b.get(t).loss())).isZero();
        }
        assertThat(a).isEqualTo(b);
        json.put("seed", 6);
        assertThat(run(json).steps().get(300)).isNotEqualTo(a.get(300));
    }

    @Test
    void maxSteps() {
        RunResult r = run(bowl(0.1, 10));
        assertThat(r.status()).isEqualTo(new Status("max-steps", null, 10));
        assertThat(r.steps()).hasSize(11);
        assertThat(r.steps().get(10).t()).isEqualTo(10);
    }

    @Test
    void convergedByGradNorm() {
        RunResult r = run(withStop(bowl(0.1, 1000), "grad_norm", 1e-6));
        assertThat(r.status().reason()).isEqualTo("converged");
        assertThat(r.status().rule()).isEqualTo("grad_norm");
        List<Step> s = r.steps();
        assertThat(r.status().steps()).isEqualTo(s.size() - 1).isLessThan(1000);
        assertThat(s.get(s.size() - 1).gradNorm()).isLessThan(1e-6);
        assertThat(s.get(s.size() - 2).gradNorm()).isGreaterThanOrEqualTo(1e-6);
    }

    @Test
    void convergedAtTheStartWhenStartingAtTheMinimum() {
        Map<String, Object> json = withStop(spec("bowl", list(0, 0), map("name", "sgd"), 100), "grad_norm", 1e-12);
        assertThat(run(json).status()).isEqualTo(new Status("converged", "grad_norm", 0));
    }

    @Test
    void convergedByLossChange() {
        RunResult r = run(withStop(bowl(0.1, 1000), "loss_change", 1e-9));
        assertThat(r.status().rule()).isEqualTo("loss_change");
        List<Step> s = r.steps();
        int n = s.size();
        assertThat(Math.abs(s.get(n - 1).loss() - s.get(n - 2).loss())).isLessThan(1e-9);
        assertThat(Math.abs(s.get(n - 2).loss() - s.get(n - 3).loss())).isGreaterThanOrEqualTo(1e-9);
    }

    @Test
    void convergedByParamChange() {
        RunResult r = run(withStop(bowl(0.1, 1000), "param_change", 1e-9));
        assertThat(r.status().reason()).isEqualTo("converged");
        assertThat(r.status().rule()).isEqualTo("param_change");
        List<Step> s = r.steps();
        double[] a = s.get(s.size() - 1).params();
        double[] b = s.get(s.size() - 2).params();
        assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).isLessThan(1e-9);
    }

    @Test
    void divergedLossExplodedOnTheBowlWithLr15() {
        // x ← (1 − 3)x, y ← (1 − 6)y: the loss grows 25× per step; |L| > 1e12·41 ends the run
        RunResult r = run(bowl(1.5, 100));
        assertThat(r.status().reason()).isEqualTo("diverged");
        assertThat(r.status().rule()).isEqualTo("loss-exploded");
        List<Step> s = r.steps();
        assertThat(s.get(s.size() - 1).loss()).isGreaterThan(1e12 * 41);
        assertThat(s.get(s.size() - 2).loss()).isLessThanOrEqualTo(1e12 * 41);
        // L_t = 9·4^t + 32·25^t: L_8 ≈ 4.9e12 is still below 4.1e13, L_9 ≈ 1.2e14 is not
        assertThat(r.status().steps()).isEqualTo(9);
    }

    @Test
    void aRunThatRunsOutOfStepsWhileExplodingIsMarkedDiverging() {
        // ½(x² + 10y²), lr 0.21: x ← 0.79x, y ← (1 − 2.1)y = −1.1y; L_0 = ½(16 + 10) = 13 and
        // L_100 = ½(16·0.79^200 + 10·1.1^200) ≈ 9.5e8: far below 1e12·13, still rising
        Map<String, Object> json = spec("ill-conditioned", list(-4, 1), map("name", "sgd", "lr", 0.21), 100);
        RunResult r = run(json);
        assertThat(r.status().reason()).isEqualTo("max-steps");
        assertThat(r.status().steps()).isEqualTo(100);
        assertThat(r.status().diverging().from()).isEqualTo(13.0);
        Specs.near(r.status().diverging().to(), 0.5 * (16 * Math.pow(0.79, 200) + 10 * Math.pow(1.1, 200)));
        assertThat(r.status().diverging().to()).isEqualTo(r.steps().get(100).loss());

        // just below the limit 0.2 the same valley converges: nothing to mark
        assertThat(run(spec("ill-conditioned", list(-4, 1), map("name", "sgd", "lr", 0.15), 100)).status())
                .isEqualTo(new Status("max-steps", null, 100));
        // the bowl at lr 1.5 for 3 steps: L_3 = 9·4³ + 32·25³ = 500576 ≥ 1e3·41 and rising
        assertThat(run(bowl(1.5, 3)).status()).isEqualTo(new Status("max-steps", null, 3, new Status.Diverging(41, 500576)));
        // after 2 steps L_2 = 9·16 + 32·625 = 20144 is rising but below 1e3·41
        assertThat(run(bowl(1.5, 2)).status().diverging()).isNull();
        // a run that ends by the 1e12 rule is diverged, not also diverging
        assertThat(run(bowl(1.5, 100)).status().diverging()).isNull();
    }

    @Test
    void divergedNonFiniteIsReportedWithItsNaNStep() {
        // Adam with eps 0 where a gradient coordinate is exactly 0: m̂/√v̂ = 0/0
        RunResult r = run(spec("bowl", list(3, 0), map("name", "adam", "lr", 0.1, "eps", 0), 50));
        assertThat(r.status()).isEqualTo(new Status("diverged", "non-finite", 1));
        assertThat(r.steps()).hasSize(2);
        assertThat(r.steps().get(1).params()[1]).isNaN();
    }

    @Test
    void aSaddleRunsOffToMinusInfinity() {
        RunResult r = run(spec("saddle", null, map("name", "sgd", "lr", 0.1), 500));
        assertThat(r.status().rule()).isEqualTo("loss-exploded");
        assertThat(r.steps().get(r.steps().size() - 1).loss()).isNegative();
    }

    @Test
    void everyProblemOptimizerAndScheduleRunsWithDefaults() {
        for (ProblemInfo p : Catalog.problems()) {
            for (OptimizerInfo o : Catalog.optimizers()) {
                for (ScheduleInfo s : Catalog.schedules()) {
                    Map<String, Object> json = spec(p.name(), null, map("name", o.name()), 30);
                    json.put("schedule", map("name", s.name()));
                    RunResult r = run(json);
                    assertThat(r.status()).isNotNull();
                    assertThat(r.steps().get(0).params()).containsExactly(p.defaultStart());
                }
            }
        }
    }
}
