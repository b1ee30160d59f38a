package io.downhill.optim;

import static io.downhill.optim.Specs.list;
import static io.downhill.optim.Specs.map;
import static io.downhill.optim.Specs.near;
import static io.downhill.optim.Specs.run;
import static io.downhill.optim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Properties the lessons rely on, checked over many steps rather than the first three. */
class PropertiesTest {

    @Test
    void gradientDescentOnTheBowlContractsEachAxisByAFixedFactor() {
        // g = (2x, 4y), so θ − 0.1·g = (0.8·x, 0.6·y)
        List<Step> s = run(spec("bowl", list(3, 4), map("name", "sgd", "lr", 0.1), 60)).steps();
        for (int t = 1; t <= 60; t++) {
            double[] prev = s.get(t - 1).params();
            double[] now = s.get(t).params();
            assertThat(now[0]).isEqualTo(prev[0] - 0.1 * (2 * prev[0]));
            assertThat(now[1]).isEqualTo(prev[1] - 0.1 * (4 * prev[1]));
            near(now[0] / prev[0], 0.8);
            near(now[1] / prev[1], 0.6);
        }
    }

    @Test
    void adamsFirstStepMovesEveryCoordinateByAboutLr() {
        // m̂₁ = g, v̂₁ = g², so Δ = γ·g/(|g| + ε) = ±γ·(1 − ε/(|g| + ε))
        for (String problem : List.of("rosenbrock", "beale", "himmelblau", "bowl", "ill-conditioned")) {
            for (double lr : new double[] {0.001, 0.05, 0.3}) {
                List<Step> s = run(spec(problem, null, map("name", "adam", "lr", lr), 1)).steps();
                for (int i = 0; i < 2; i++) {
                    double moved = Math.abs(s.get(1).params()[i] - s.get(0).params()[i]);
                    assertThat(moved).as(problem + " lr " + lr).isCloseTo(lr, within(lr * 1e-6));
                }
            }
        }
    }

    @Test
    void adamwDecaysTheParametersWhileAdamDecaysTheGradient() {
        double lr = 0.05;
        double wd = 0.3;
        List<Step> plain = run(spec("rosenbrock", null, map("name", "adam", "lr", lr), 5)).steps();
        List<Step> adam = run(spec("rosenbrock", null,
                map("name", "adam", "lr", lr, "weight_decay", wd), 5)).steps();
        List<Step> adamw = run(spec("rosenbrock", null,
                map("name", "adamw", "lr", lr, "weight_decay", wd), 5)).steps();
        double[] start = plain.get(0).params();
        double[] g = plain.get(0).grad();
        for (int i = 0; i < 2; i++) {
            // Adam: m̂₁ = g + λθ₀; AdamW: m̂₁ = g, the same as without decay
            near(adam.get(1).mHat()[i], g[i] + wd * start[i]);
            near(adamw.get(1).mHat()[i], g[i]);
            near(adamw.get(1).effectiveLr()[i], plain.get(1).effectiveLr()[i]);
            // AdamW's first step is the undecayed step shifted by −γλθ₀
            near(adamw.get(1).params()[i], plain.get(1).params()[i] - lr * wd * start[i]);
        }
        for (int t = 1; t <= 5; t++) {
            Step now = adamw.get(t);
            double[] prev = adamw.get(t - 1).params();
            for (int i = 0; i < 2; i++) {
                // θ_t = θ_{t−1}·(1 − γλ) − effectiveLr·m̂, bit for bit
                assertThat(now.params()[i])
                        .isEqualTo(prev[i] * (1 - lr * wd) - now.effectiveLr()[i] * now.mHat()[i]);
            }
        }
    }

    @Test
    void momentumVelocityIsTheDiscountedSumOfPastGradients() {
        // b_t = Σ_k μ^k g_{t−1−k} (dampening 0, b₁ = g₀)
        double mu = 0.9;
        List<Step> s = run(spec("rosenbrock", null, map("name", "momentum", "lr", 1e-4), 12)).steps();
        for (int t = 1; t <= 12; t++) {
            for (int i = 0; i < 2; i++) {
                double sum = 0;
                for (int k = 0; k < t; k++) {
                    sum += Math.pow(mu, k) * s.get(t - 1 - k).grad()[i];
                }
                assertThat(s.get(t).velocity()[i]).isCloseTo(sum, within(1e-11 * Math.abs(sum) + 1e-12));
                // plain momentum steps along −b
                near(s.get(t).params()[i], s.get(t - 1).params()[i] - 1e-4 * s.get(t).velocity()[i]);
            }
        }
    }

    @Test
    void nesterovStepsAlongTheGradientPlusTheDiscountedBuffer() {
        double mu = 0.9;
        double lr = 1e-4;
        List<Step> s = run(spec("rosenbrock", null, map("name", "nesterov", "lr", lr), 12)).steps();
        for (int t = 1; t <= 12; t++) {
            for (int i = 0; i < 2; i++) {
                double g = s.get(t - 1).grad()[i];
                double b = s.get(t).velocity()[i];
                double expectedB = t == 1 ? g : mu * s.get(t - 1).velocity()[i] + g;
                near(b, expectedB);
                near(s.get(t).params()[i], s.get(t - 1).params()[i] - lr * (g + mu * b));
            }
        }
    }

    @Test
    void momentumSwitchedOnMidRunStartsItsBufferFromTheCurrentGradient() {
        Map<String, Object> json = spec("bowl", list(3, 4), map("name", "sgd", "lr", 0.1), 4);
        json.put("changes", list(map("at", 2, "momentum", 0.9)));
        List<Step> s = run(json).steps();
        assertThat(s.get(1).velocity()).isNull();
        near(s.get(2).velocity(), 0, 0); // momentum is on for the update 2 → 3, no buffer yet
        near(s.get(3).velocity(), s.get(2).grad()); // torch: b = g on the buffer's first step
        near(s.get(4).velocity(), 0.9 * s.get(2).grad()[0] + s.get(3).grad()[0],
                0.9 * s.get(2).grad()[1] + s.get(3).grad()[1]);
    }

    @Test
    void changesKeepAdamsStateAndStepCount() {
        Map<String, Object> json = spec("rosenbrock", null, map("name", "adam", "lr", 0.01), 3);
        json.put("changes", list(map("at", 2, "lr", 0.05, "betas", list(0.5, 0.999))));
        List<Step> s = run(json).steps();
        assertThat(s.get(2).lr()).isEqualTo(0.05);
        // m₃ = 0.5·m₂ + 0.5·g₂ with m₂ = m̂₂·(1 − 0.9²); bias correction at t = 3 uses the new β₁
        double[] g2 = s.get(2).grad();
        for (int i = 0; i < 2; i++) {
            double m2 = s.get(2).mHat()[i] * (1 - 0.9 * 0.9);
            near(s.get(3).mHat()[i], (0.5 * m2 + 0.5 * g2[i]) / (1 - 0.5 * 0.5 * 0.5));
            near(s.get(3).effectiveLr()[i], 0.05 / (Math.sqrt(s.get(3).vHat()[i]) + 1e-8));
        }
    }

    @Test
    void gradientClippingScalesTheStepButNotTheReportedGradient() {
        // ‖g₀‖ = √(36 + 256) = √292; clip_coef = 1/(√292 + 1e-6) < 1
        List<Step> s = run(spec("bowl", list(3, 4),
                map("name", "sgd", "lr", 0.1, "clip_grad_norm", 1), 1)).steps();
        double coef = 1 / (Math.sqrt(292) + 1e-6);
        near(s.get(0).grad(), 6, 16);
        near(s.get(0).gradNorm(), Math.sqrt(292));
        near(s.get(1).params(), 3 - 0.1 * 6 * coef, 4 - 0.1 * 16 * coef);
        // a max_norm above ‖g‖ leaves the gradient untouched
        List<Step> loose = run(spec("bowl", list(3, 4),
                map("name", "sgd", "lr", 0.1, "clip_grad_norm", 100), 1)).steps();
        assertThat(loose.get(1).params()).containsExactly(3 - 0.1 * 6, 4 - 0.1 * 16);
    }

    @Test
    void clippingCanBeSwitchedOffMidRun() {
        Map<String, Object> json = spec("bowl", list(3, 4),
                map("name", "sgd", "lr", 0.1, "clip_grad_norm", 0.5), 2);
        json.put("changes", list(map("at", 1, "clip_grad_norm", null)));
        List<Step> s = run(json).steps();
        double[] p1 = s.get(1).params();
        assertThat(s.get(2).params()).containsExactly(p1[0] - 0.1 * (2 * p1[0]), p1[1] - 0.1 * (4 * p1[1]));
    }

    @Test
    void gradientDescentFindsTheKnownMinima() {
        Map<String, Object> bowl = spec("quadratic", null, map("name", "sgd", "lr", 0.5), 2000);
        assertThat(run(bowl).steps().get(2000).params()[0]).isCloseTo(0, within(1e-12));
        Map<String, Object> well = spec("double-well", null, map("name", "sgd", "lr", 0.01), 2000);
        // from the default start 2 plain descent settles in the local minimum
        assertThat(run(well).steps().get(2000).params()[0])
                .isCloseTo(io.downhill.optim.problems.DoubleWell.LOCAL_MIN, within(1e-12));
        Map<String, Object> lin = spec("linear-regression", null, map("name", "sgd", "lr", 0.3), 3000);
        RunSpec spec = RunSpec.fromJson(lin);
        double[] optimum = spec.createProblem().minima().get(0);
        near(run(lin).steps().get(3000).params(), optimum[0], optimum[1]);
    }
}
