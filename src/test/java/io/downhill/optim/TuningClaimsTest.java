package io.downhill.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The numbers the adaptive-methods and practical-recipe lessons quote from the tuned race. */
class TuningClaimsTest {
    private static Map<String, LrSweep.Curve> sweep(String problem, int steps, List<String> optimizers) {
        LrSweep.Request r = LrSweep.parse(Map.of("problem", Map.of("name", problem), "stop", Map.of("max_steps", steps),
                "optimizers", optimizers, "lr_min", 1e-4, "lr_max", 10, "points", 13, "tolerance", 1e-3));
        Map<String, LrSweep.Curve> out = new java.util.LinkedHashMap<>();
        LrSweep.run(r).forEach(c -> out.put(c.optimizer(), c));
        return out;
    }

    private static LrSweep.Point best(LrSweep.Curve c) {
        return c.points().get(c.bestIndex());
    }

    private static long settling(LrSweep.Curve c) {
        return c.points().stream().filter(p -> p.reachedAt() != null).count();
    }

    private static long below(LrSweep.Curve c, double loss) {
        return c.points().stream().filter(p -> p.finalLoss() != null && p.finalLoss() < loss).count();
    }

    @Test
    void adaptiveMethodsLessonOnThePlateauAndRosenbrock() {
        List<String> five = List.of("sgd", "adagrad", "rmsprop", "adam", "adamw");
        Map<String, LrSweep.Curve> plateau = sweep("plateau-2d", 2000, five);
        assertThat(plateau.get("sgd").bestLr()).isCloseTo(1.47, within(0.005));
        assertThat(best(plateau.get("sgd")).reachedAt()).isEqualTo(89);
        assertThat(plateau.get("rmsprop").bestLr()).isCloseTo(0.0046, within(0.00005));
        assertThat(best(plateau.get("rmsprop")).reachedAt()).isEqualTo(579);
        assertThat(plateau.get("adagrad").bestLr()).isCloseTo(0.56, within(0.005));
        assertThat(best(plateau.get("adagrad")).reachedAt()).isEqualTo(13);
        assertThat(best(plateau.get("adam")).reachedAt()).isBetween(65, 75);
        assertThat(best(plateau.get("adamw")).reachedAt()).isBetween(65, 75);
        assertThat(settling(plateau.get("adam"))).isEqualTo(8);
        assertThat(settling(plateau.get("adagrad"))).isEqualTo(4);
        assertThat(settling(plateau.get("sgd"))).isEqualTo(4);

        Map<String, LrSweep.Curve> rosenbrock = sweep("rosenbrock", 2000, five);
        assertThat(best(rosenbrock.get("sgd")).reachedAt()).isNull();
        assertThat(best(rosenbrock.get("sgd")).finalLoss()).isCloseTo(0.015, within(0.0005));
        assertThat(rosenbrock.get("adam").bestLr()).isCloseTo(0.56, within(0.005));
        assertThat(best(rosenbrock.get("adam")).reachedAt()).isEqualTo(541);
        assertThat(settling(rosenbrock.get("adam"))).isEqualTo(5);
        assertThat(settling(rosenbrock.get("sgd"))).isZero();
    }

    @Test
    void practicalRecipeLessonOnRosenbrock() {
        Map<String, LrSweep.Curve> c = sweep("rosenbrock", 1000, List.of("sgd", "momentum", "rmsprop", "adam"));
        assertThat(c.get("momentum").bestLr()).isCloseTo(0.0018, within(0.00005));
        assertThat(best(c.get("momentum")).reachedAt()).isEqualTo(309);
        assertThat(c.get("adam").bestLr()).isCloseTo(0.56, within(0.005));
        assertThat(best(c.get("adam")).reachedAt()).isEqualTo(541);
        assertThat(settling(c.get("sgd"))).isZero();
        assertThat(settling(c.get("rmsprop"))).isZero();
        assertThat(below(c.get("momentum"), 0.01)).isEqualTo(2);
        assertThat(below(c.get("adam"), 0.01)).isEqualTo(4);
        // momentum diverges at every rate above its best
        List<LrSweep.Point> m = c.get("momentum").points();
        for (int k = c.get("momentum").bestIndex() + 1; k < m.size(); k++) {
            assertThat(m.get(k).status()).isEqualTo(Status.DIVERGED);
        }
        // Adam's four: 0.0316 to 0.562
        List<LrSweep.Point> a = c.get("adam").points();
        assertThat(a.get(6).lr()).isCloseTo(0.0316, within(0.0001));
        assertThat(a.get(9).lr()).isCloseTo(0.562, within(0.001));
        for (int k = 6; k <= 9; k++) {
            assertThat(a.get(k).finalLoss()).isLessThan(0.01);
        }
    }
}
