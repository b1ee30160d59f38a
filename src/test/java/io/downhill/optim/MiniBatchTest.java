package io.downhill.optim;

import static io.downhill.optim.Specs.map;
import static io.downhill.optim.Specs.run;
import static io.downhill.optim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.optim.problems.DataPoint;
import io.downhill.optim.problems.DataProblem;
import io.downhill.optim.problems.MiniBatches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sampling without replacement and what batch size does to the gradient. */
@SuppressWarnings("unchecked")
class MiniBatchTest {

    private static Map<String, Object> dataSpec(String name, Integer batchSize, int steps) {
        Map<String, Object> json = spec(name, null, map("name", "sgd", "lr", 0.2), steps);
        if (batchSize != null) {
            ((Map<String, Object>) json.get("problem")).put("batch_size", batchSize);
        }
        json.put("seed", 3);
        return json;
    }

    @Test
    void fullBatchGradientIsTheFullGradientBitForBit() {
        for (String name : List.of("linear-regression", "logistic-regression")) {
            Map<String, Object> json = dataSpec(name, 100, 50);
            DataProblem p = (DataProblem) RunSpec.fromJson(json).createProblem();
            double[] full = new double[p.dimension()];
            for (Step s : run(json).steps()) {
                p.gradient(s.params(), full);
                assertThat(s.grad()).containsExactly(full);
                assertThat(s.loss()).isEqualTo(p.value(s.params()));
            }
            // batch_size defaults to n
            assertThat(run(dataSpec(name, null, 50)).steps()).isEqualTo(run(json).steps());
        }
    }

    @Test
    void miniBatchStepsReportTheFullLossButABatchGradient() {
        Map<String, Object> json = dataSpec("linear-regression", 10, 20);
        DataProblem p = (DataProblem) RunSpec.fromJson(json).createProblem();
        double[] full = new double[2];
        for (Step s : run(json).steps()) {
            assertThat(s.loss()).isEqualTo(p.value(s.params()));
            p.gradient(s.params(), full);
            assertThat(s.grad()).isNotEqualTo(full);
        }
    }

    @Test
    void eachEpochVisitsEverySampleOnceWithASmallerLastBatch() {
        MiniBatches b = new MiniBatches(10, 3, new SplittableRandom(1));
        List<int[]> epochs = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Integer> sizes = new ArrayList<>();
            int[] seen = new int[10];
            for (int k = 0; k < 4; k++) {
                b.next();
                sizes.add(b.to() - b.from());
                for (int i = b.from(); i < b.to(); i++) {
                    seen[b.indices()[i]]++;
                }
            }
            assertThat(sizes).containsExactly(3, 3, 3, 1); // like DataLoader(drop_last=False)
            assertThat(seen).containsOnly(1);
            epochs.add(b.indices().clone());
        }
        assertThat(epochs.get(0)).isNotEqualTo(epochs.get(1)); // reshuffled every epoch
    }

    @Test
    void theLastPartialBatchGradientIsTheMeanOverItsOwnSamples() {
        DataProblem p = (DataProblem) RunSpec.fromJson(dataSpec("linear-regression", 30, 1)).createProblem();
        MiniBatches b = new MiniBatches(100, 30, new SplittableRandom(5));
        for (int k = 0; k < 4; k++) {
            b.next();
        }
        assertThat(b.to() - b.from()).isEqualTo(10);
        double[] w = {0.5, -0.25};
        double[] g = new double[2];
        p.batchGradient(w, b.indices(), b.from(), b.to(), g);
        List<DataPoint> pts = p.points();
        double gw = 0;
        double gb = 0;
        for (int i = b.from(); i < b.to(); i++) {
            DataPoint d = pts.get(b.indices()[i]);
            double r = w[0] * d.x()[0] + w[1] - d.y();
            gw += r * d.x()[0];
            gb += r;
        }
        assertThat(g[0]).isCloseTo(gw / 10, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(g[1]).isCloseTo(gb / 10, org.assertj.core.data.Offset.offset(1e-14));
    }

    @Test
    void miniBatchGradientVarianceShrinksAsTheBatchGrows() {
        for (String name : List.of("linear-regression", "logistic-regression")) {
            Map<String, Object> json = dataSpec(name, null, 1);
            ((Map<String, Object>) json.get("problem")).put("n", 1000);
            DataProblem p = (DataProblem) RunSpec.fromJson(json).createProblem();
            double[] w = new double[p.dimension()];
            Arrays.fill(w, 0.3);
            double[] full = new double[w.length];
            p.gradient(w, full);
            int[] sizes = {1, 4, 16, 64, 256};
            double[] variance = new double[sizes.length];
            for (int k = 0; k < sizes.length; k++) {
                MiniBatches b = new MiniBatches(1000, sizes[k], new SplittableRandom(99));
                double[] g = new double[w.length];
                int draws = 4000;
                for (int d = 0; d < draws; d++) {
                    b.next();
                    p.batchGradient(w, b.indices(), b.from(), b.to(), g);
                    for (int i = 0; i < w.length; i++) {
                        variance[k] += (g[i] - full[i]) * (g[i] - full[i]) / draws;
                    }
                }
            }
            for (int k = 1; k < sizes.length; k++) {
                // without replacement: Var ∝ (1/B)·(n − B)/(n − 1), so 4× the batch is about ¼ the variance
                double expectedRatio = (4.0 * (1000 - sizes[k - 1])) / (1000 - sizes[k]);
                assertThat(variance[k - 1] / variance[k]).as(name + " B=" + sizes[k])
                        .isBetween(0.75 * expectedRatio, 1.33 * expectedRatio);
            }
        }
    }

    @Test
    void datasetDependsOnTheSeedOnly() {
        Map<String, Object> a = dataSpec("logistic-regression", 10, 1);
        Map<String, Object> b = dataSpec("logistic-regression", 50, 1);
        List<DataPoint> pa = ((DataProblem) RunSpec.fromJson(a).createProblem()).points();
        List<DataPoint> pb = ((DataProblem) RunSpec.fromJson(b).createProblem()).points();
        for (int i = 0; i < pa.size(); i++) {
            assertThat(pa.get(i).x()).containsExactly(pb.get(i).x());
            assertThat(pa.get(i).y()).isEqualTo(pb.get(i).y());
        }
        a.put("seed", 4);
        List<DataPoint> pc = ((DataProblem) RunSpec.fromJson(a).createProblem()).points();
        assertThat(pc.get(0).x()).isNotEqualTo(pa.get(0).x());
        assertThat(pa).hasSize(100);
    }
}
