package io.downhill.optim.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written backward pass against a worked example and against finite differences. */
class BackpropTest {

    /**
     * depth 1, width 1, sigmoid; one point x = (1, 2), y = 0. Parameters in layout order:
     * W₀ = (0.5, −0.25), b₀ = ln 3, W₁ = 4, b₁ = −3.
     *
     * <pre>
     * forward:  z = 0.5·1 − 0.25·2 + ln 3 = ln 3
     *           h = σ(ln 3) = 1 / (1 + 1/3) = 3/4
     *           s = 4·(3/4) − 3 = 0,   p = σ(0) = 1/2
     *           ℓ = max(0, 0) − 0·0 + log1p(e⁰) = ln 2
     * backward: δs = p − y = 1/2
     *           ∂W₁ = δs·h = 3/8,   ∂b₁ = δs = 1/2
     *           δh = W₁·δs = 2
     *           δz = δh·h(1 − h) = 2·(3/4)(1/4) = 3/8
     *           ∂W₀ = δz·x = (3/8, 3/4),   ∂b₀ = δz = 3/8
     * </pre>
     */
    @Test
    void handWorkedExample() {
        Network net = new Network(1, 1, Activation.SIGMOID, false);
        double[] p = net.params();
        assertThat(p).hasSize(5);
        System.arraycopy(new double[] {0.5, -0.25, StrictMath.log(3), 4, -3}, 0, p, 0, 5);
        Dataset one = new Dataset(new double[][] {{1, 2}}, new int[] {0});

        assertThat(net.logit(one.x()[0])).isCloseTo(0, within(1e-12));
        assertThat(net.probability(one.x()[0])).isCloseTo(0.5, within(1e-12));

        double[] g = new double[5];
        double loss = net.lossAndGradient(one, new int[] {0}, 0, 1, g);
        assertThat(loss).isCloseTo(StrictMath.log(2), within(1e-12));
        assertThat(g[0]).isCloseTo(0.375, within(1e-12)); // ∂W₀[0]
        assertThat(g[1]).isCloseTo(0.75, within(1e-12)); // ∂W₀[1]
        assertThat(g[2]).isCloseTo(0.375, within(1e-12)); // ∂b₀
        assertThat(g[3]).isCloseTo(0.375, within(1e-12)); // ∂W₁
        assertThat(g[4]).isCloseTo(0.5, within(1e-12)); // ∂b₁
        assertThat(net.weightOffset(1)).isEqualTo(3);
        assertThat(net.biasOffset(0)).isEqualTo(2);
    }

    /** The stable loss form agrees with the textbook one where both are finite, and stays finite. */
    @Test
    void crossEntropyFromLogitsIsStable() {
        // s = 2, y = 1: −log σ(2) = log(1 + e⁻²)
        assertThat(Network.bce(2, 1)).isCloseTo(StrictMath.log1p(StrictMath.exp(-2)), within(1e-15));
        // s = 2, y = 0: −log(1 − σ(2)) = log(1 + e²)
        assertThat(Network.bce(2, 0)).isCloseTo(StrictMath.log1p(StrictMath.exp(2)), within(1e-14));
        // s = 1000 would overflow e^s; the loss is ≈ s for y = 0 and ≈ 0 for y = 1
        assertThat(Network.bce(1000, 0)).isEqualTo(1000.0);
        assertThat(Network.bce(1000, 1)).isEqualTo(0.0);
        assertThat(Network.bce(-1000, 1)).isEqualTo(1000.0);
    }

    /**
     * Every parameter's analytic gradient against the central difference
     * (L(θ + h·eᵢ) − L(θ − h·eᵢ)) / 2h, h = 1e−6, whose error is O(h²) plus rounding ≈ 1e−10:
     * relative agreement 1e−6, plus an absolute 1e−9 because that rounding alone exceeds 1e−6
     * relative on the smallest entries (≈ 3e−5 here).
     */
    @ParameterizedTest
    @CsvSource({"sigmoid,false", "sigmoid,true", "tanh,false", "tanh,true", "relu,false", "relu,true"})
    void gradientMatchesCentralDifferences(String activation, boolean residual) {
        NetSpec spec = new NetSpec(3, 4, activation, "xavier", residual, null, 0, "sgd", 0.1, 5, 7);
        Network net = Network.initialized(spec, new SplittableRandom(11));
        double[] p = net.params();
        // non-zero biases, so that the bias paths are exercised too
        SplittableRandom rng = new SplittableRandom(3);
        for (int l = 0; l < net.layers(); l++) {
            int rows = l == net.layers() - 1 ? 1 : 4;
            for (int i = 0; i < rows; i++) {
                p[net.biasOffset(l) + i] = rng.nextDouble(-0.5, 0.5);
            }
        }
        Dataset tiny = new Dataset(
                new double[][] {{0.3, -1.2}, {1.5, 0.4}, {-0.7, 0.9}, {0.1, 0.2}, {-1.1, -0.6}},
                new int[] {1, 0, 1, 0, 1});
        int[] idx = {0, 1, 2, 3, 4};
        double[] g = new double[p.length];
        net.lossAndGradient(tiny, idx, 0, 5, g);

        double h = 1e-6;
        double[] scratch = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            double up = net.lossAndGradient(tiny, idx, 0, 5, scratch);
            p[i] = keep - h;
            double down = net.lossAndGradient(tiny, idx, 0, 5, scratch);
            p[i] = keep;
            double numeric = (up - down) / (2 * h);
            double scale = Math.max(Math.abs(g[i]), Math.abs(numeric));
            assertThat(Math.abs(g[i] - numeric))
                    .as("parameter %d: analytic %s, numeric %s", i, g[i], numeric)
                    .isLessThanOrEqualTo(1e-6 * scale + 1e-9);
        }
    }
}
