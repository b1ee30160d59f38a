package io.downhill.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LrSweepTest {
    /** f(x) = x²/2 from x = 3 for 10 steps: plain descent multiplies x by (1 − lr) per step. */
    private static Map<String, Object> request(int points) {
        return Map.of(
                "problem", Map.of("name", "quadratic"),
                "stop", Map.of("max_steps", 10),
                "optimizers", List.of("sgd"),
                "lr_min", 0.25, "lr_max", 4, "points", points, "tolerance", 1e-3);
    }

    @Test
    void theGridDoublesFromQuarterToFour() {
        assertThat(LrSweep.grid(0.25, 4, 5)).containsExactly(0.25, 0.5, 1, 2, 4);
        assertThat(LrSweep.grid(1e-4, 10, 11)[0]).isEqualTo(1e-4);
        assertThat(LrSweep.grid(1e-4, 10, 11)[10]).isEqualTo(10.0);
    }

    @Test
    void sgdOnTheQuadraticByHand() {
        LrSweep.Request r = LrSweep.parse(request(5));
        assertThat(r.work()).isEqualTo(50);
        LrSweep.Curve c = LrSweep.run(r).get(0);
        List<LrSweep.Point> p = c.points();
        // lr 0.25: x_10 = 3·0.75^10 = 177147/2^20, loss x²/2; never below 1e-3 (needs 15 steps)
        assertThat(p.get(0).finalLoss()).isEqualTo(0.5 * Math.pow(177147.0 / (1 << 20), 2));
        assertThat(p.get(0).reachedAt()).isNull();
        // lr 0.5: loss 4.5·4^−10; below 1e-3 once 4^t > 4500, at t = 7
        assertThat(p.get(1).finalLoss()).isEqualTo(4.5 / (1 << 20));
        assertThat(p.get(1).reachedAt()).isEqualTo(7);
        // lr 1: x_1 = 3 − 3 = 0, at the minimum after one step
        assertThat(p.get(2).finalLoss()).isEqualTo(0.0);
        assertThat(p.get(2).reachedAt()).isEqualTo(1);
        // lr 2: x flips between 3 and −3 forever, loss 4.5
        assertThat(p.get(3).finalLoss()).isEqualTo(4.5);
        assertThat(p.get(3).reachedAt()).isNull();
        // lr 4: x ← −3x, loss 4.5·9^10 after 10 steps (not yet 1e12 times the start: not "diverged")
        assertThat(p.get(4).finalLoss()).isEqualTo(0.5 * Math.pow(3, 22));
        assertThat(p.get(4).status()).isEqualTo(Status.MAX_STEPS);
        assertThat(c.bestLr()).isEqualTo(1.0);
        assertThat(c.bestIndex()).isEqualTo(2);
    }

    @Test
    void withoutArrivalTheLowestFinalLossWins() {
        Map<String, Object> json = new java.util.HashMap<>(request(2));
        json.put("lr_min", 0.25);
        json.put("lr_max", 0.5);
        json.put("tolerance", 1e-9);
        LrSweep.Curve c = LrSweep.run(LrSweep.parse(json)).get(0);
        assertThat(c.points()).allSatisfy(p -> assertThat(p.reachedAt()).isNull());
        assertThat(c.bestLr()).isEqualTo(0.5);
    }

    @Test
    void divergedRunsAreNeverBest() {
        Map<String, Object> json = new java.util.HashMap<>(request(2));
        json.put("lr_min", 3.0);
        json.put("lr_max", 4.0);
        json.put("stop", Map.of("max_steps", 100));
        LrSweep.Curve c = LrSweep.run(LrSweep.parse(json)).get(0);
        assertThat(c.points()).allSatisfy(p -> assertThat(p.status()).isEqualTo(Status.DIVERGED));
        assertThat(c.points().get(0).finalLoss()).isNull();
        assertThat(c.bestLr()).isNull();
    }

    @Test
    void aRunThatDipsBelowTheToleranceAndBouncesOutHasNotArrived() {
        // Adam at lr ≈ 1.47 on Rosenbrock passes below 1e-3 near step 334 but ends near loss 5
        RunSpec spec = RunSpec.fromJson(Map.of("problem", Map.of("name", "rosenbrock"),
                "optimizer", Map.of("name", "adam", "lr", 1.4677992676220701), "stop", Map.of("max_steps", 2000)));
        boolean dipped = Run.runAll(spec).steps().stream().anyMatch(s -> s.loss() < 1e-3);
        LrSweep.Point p = LrSweep.point(spec, 1e-3);
        assertThat(dipped).isTrue();
        assertThat(p.finalLoss()).isGreaterThan(1.0);
        assertThat(p.reachedAt()).isNull();
    }

    @Test
    void earlierArrivalBeatsLowerFinalLoss() {
        LrSweep.Point fastButNoisy = new LrSweep.Point(0.1, 1e-4, 5, Status.MAX_STEPS, 10);
        LrSweep.Point slowButLow = new LrSweep.Point(0.01, 1e-9, 8, Status.MAX_STEPS, 10);
        assertThat(LrSweep.better(fastButNoisy, slowButLow)).isTrue();
        assertThat(LrSweep.better(slowButLow, fastButNoisy)).isFalse();
    }

    @Test
    void workIsBoundedAndBadInputNamesTheField() {
        Map<String, Object> big = new java.util.HashMap<>(request(13));
        big.put("optimizers", List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"));
        big.put("stop", Map.of("max_steps", 20000));
        assertThatThrownBy(() -> LrSweep.parse(big)).isInstanceOf(SpecException.class)
                .hasMessageContaining("stop.max_steps").hasMessageContaining("at most 500000");
        Map<String, Object> many = new java.util.HashMap<>(request(14));
        assertThatThrownBy(() -> LrSweep.parse(many)).hasMessageContaining("points");
        Map<String, Object> unknown = new java.util.HashMap<>(request(5));
        unknown.put("optimizers", List.of("sgd", "lion"));
        assertThatThrownBy(() -> LrSweep.parse(unknown)).hasMessageContaining("optimizers[1]");
        Map<String, Object> inverted = new java.util.HashMap<>(request(5));
        inverted.put("lr_max", 0.1);
        assertThatThrownBy(() -> LrSweep.parse(inverted)).hasMessageContaining("lr_max");
        Map<String, Object> badProblem = new java.util.HashMap<>(request(5));
        badProblem.put("problem", Map.of("name", "nope"));
        assertThatThrownBy(() -> LrSweep.parse(badProblem)).hasMessageContaining("problem.name");
    }
}
