package io.downhill.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.downhill.optim.problems.DataProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientCloudTest {
    private static DataProblem problem(int n) {
        RunSpec spec = RunSpec.fromJson(Map.of(
                "problem", Map.of("name", "linear-regression", "n", n, "noise", 0.5),
                "optimizer", Map.of("name", "sgd", "lr", 0.1),
                "stop", Map.of("max_steps", 1),
                "seed", 4));
        return (DataProblem) spec.createProblem();
    }

    @Test
    void aBatchOfEverySampleIsTheFullGradient() {
        DataProblem p = problem(50);
        GradientCloud cloud = GradientCloud.sample(p, new double[] {0.5, -1}, 50, 10, 1);
        // the mean over all 50 samples in any order equals the full mean up to rounding
        for (double[] g : cloud.batches()) {
            assertThat(g[0]).isCloseTo(cloud.full()[0], org.assertj.core.data.Offset.offset(1e-12));
            assertThat(g[1]).isCloseTo(cloud.full()[1], org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(cloud.spread()).isLessThan(1e-20);
    }

    @Test
    void theSpreadShrinksAboutLikeOneOverTheBatchSize() {
        DataProblem p = problem(400);
        double[] w = {0, 0};
        double s4 = GradientCloud.sample(p, w, 4, 200, 7).spread();
        double s40 = GradientCloud.sample(p, w, 40, 200, 7).spread();
        // sampling without replacement: variance ∝ (1/B)(N−B)/(N−1); from B=4 to B=40 about 10.9× less
        assertThat(s4 / s40).isBetween(6.0, 18.0);
    }

    @Test
    void theSameSeedDrawsTheSameBatches() {
        DataProblem p = problem(100);
        GradientCloud a = GradientCloud.sample(p, new double[] {1, 1}, 8, 30, 9);
        GradientCloud b = GradientCloud.sample(p, new double[] {1, 1}, 8, 30, 9);
        for (int i = 0; i < 30; i++) {
            assertThat(a.batches().get(i)).isEqualTo(b.batches().get(i));
        }
    }

    @Test
    void boundsAreChecked() {
        DataProblem p = problem(20);
        assertThatThrownBy(() -> GradientCloud.sample(p, new double[] {0, 0}, 21, 5, 0))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.field()).isEqualTo("batch_size"));
        assertThatThrownBy(() -> GradientCloud.sample(p, new double[] {0, 0}, 5, 201, 0))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.field()).isEqualTo("samples"));
    }
}
