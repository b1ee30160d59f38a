package io.downhill.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BasinMapTest {
    private static RunSpec spec(String problem, double lr, int steps) {
        return RunSpec.fromJson(Map.of(
                "problem", Map.of("name", problem),
                "optimizer", Map.of("name", "sgd", "lr", lr),
                "stop", Map.of("max_steps", steps)));
    }

    @Test
    void theSideOfTheHumpDecidesTheValley() {
        // grid of 4 along x in [-2.2, 2.2]: cell centres −1.65, −0.55, 0.55, 1.65; the saddle is at x ≈ 0.17,
        // so gradient descent from the two left starts ends in the global minimum (index 0), from the right in the local one (1)
        int[] row = BasinMap.row(spec("double-well-2d", 0.02, 400), 4, 1);
        assertThat(row).containsExactly(0, 0, 1, 1);
    }

    @Test
    void divergedAndUnfinishedRunsAreMarked() {
        int[] diverged = BasinMap.row(spec("double-well-2d", 0.9, 200), 4, 0);
        assertThat(diverged).contains(BasinMap.DIVERGED);
        int[] unfinished = BasinMap.row(spec("double-well-2d", 0.0001, 3), 4, 1);
        assertThat(unfinished).containsOnly(BasinMap.NOWHERE);
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> BasinMap.row(spec("bowl", 0.1, 5), 61, 0))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.field()).isEqualTo("n"));
        assertThatThrownBy(() -> BasinMap.row(spec("bowl", 0.1, 5), 10, 10))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.field()).isEqualTo("rows"));
    }
}
