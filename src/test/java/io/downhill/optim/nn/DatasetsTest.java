package io.downhill.optim.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"moons", "circles", "spiral"})
    void sizedBalancedAndSeeded(String name) {
        Dataset d = Datasets.generate(name, Datasets.DEFAULT_N, Datasets.DEFAULT_NOISE, 9);
        assertThat(d.size()).isEqualTo(200);
        assertThat(Arrays.stream(d.y()).sum()).isEqualTo(100);
        Dataset again = Datasets.generate(name, 200, 0.1, 9);
        assertThat(again.x()).isDeepEqualTo(d.x());
        assertThat(again.y()).isEqualTo(d.y());
        assertThat(Arrays.deepEquals(Datasets.generate(name, 200, 0.1, 10).x(), d.x())).isFalse();
        // odd n: class 0 gets the extra point
        assertThat(Arrays.stream(Datasets.generate(name, 21, 0.1, 1).y()).sum()).isEqualTo(10);
    }

    /** Without noise the points lie exactly on their curves. */
    @Test
    void noiselessCurves() {
        Dataset moons = Datasets.generate("moons", 20, 0, 1);
        for (int i = 0; i < 20; i++) {
            double[] p = moons.x()[i];
            // class 0: unit circle about (0, 0); class 1: unit circle about (1, 0.5)
            double cx = moons.y()[i] == 0 ? 0 : 1;
            double cy = moons.y()[i] == 0 ? 0 : 0.5;
            assertThat(StrictMath.hypot(p[0] - cx, p[1] - cy)).isCloseTo(1, within(1e-15));
        }
        // first points: θ = 0 on each moon, (1, 0) and (0, 0.5)
        assertThat(moons.x()[0]).containsExactly(1, 0);
        assertThat(moons.x()[1]).containsExactly(0, 0.5);

        Dataset circles = Datasets.generate("circles", 20, 0, 1);
        for (int i = 0; i < 20; i++) {
            double r = StrictMath.hypot(circles.x()[i][0], circles.x()[i][1]);
            assertThat(r).isCloseTo(circles.y()[i] == 0 ? 1 : 0.5, within(1e-15));
        }

        // spiral: class-1 points are class-0 points turned by π, i.e. negated
        Dataset spiral = Datasets.generate("spiral", 20, 0, 1);
        for (int i = 0; i < 20; i += 2) {
            assertThat(spiral.x()[i + 1][0]).isCloseTo(-spiral.x()[i][0], within(1e-15));
            assertThat(spiral.x()[i + 1][1]).isCloseTo(-spiral.x()[i][1], within(1e-15));
        }
    }

    @Test
    void recordChecksItsShape() {
        assertThatThrownBy(() -> new Dataset(new double[][] {{1, 2}}, new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dataset(new double[][] {{1}}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dataset(new double[][] {{1, 2}}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
