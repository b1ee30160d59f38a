package io.downhill.bench;

import io.downhill.optim.Run;
import io.downhill.optim.RunSpec;
import io.downhill.optim.Work;
import io.downhill.optim.nn.Datasets;
import io.downhill.optim.nn.NetSpec;
import io.downhill.optim.nn.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the cost model against the clock: for a range of runs and trainings, the measured time of
 * the engine (best of 5, after warm-up) against {@link Work}'s estimate. A ratio of measured
 * nanoseconds to estimated units at or below 1 means the estimate is safe (the server also encodes
 * and writes each step, which the step constant covers). Run with
 * {@code mvn -B -Pbench compile exec:exec -Dbench.main=io.downhill.bench.WorkCalibration -Dbench.args=}.
 */
public final class WorkCalibration {
    private WorkCalibration() {}

    public static void main(String[] args) {
        String deep = "x";
        for (int i = 0; i < 40; i++) {
            deep = "sin(" + deep + ")*y+x";
        }
        List<Map<String, Object>> specs = List.of(
                spec(Map.of("name", "bowl"), "adam", 20_000, "analytic"),
                spec(Map.of("name", "rosenbrock"), "sgd", 20_000, "analytic"),
                spec(Map.of("name", "beale"), "adam", 20_000, "central"),
                spec(Map.of("expression", "sin(x)*cos(y)+0.1*(x^2+y^2)"), "adam", 20_000, "analytic"),
                spec(Map.of("expression", deep), "adam", 5_000, "analytic"),
                spec(Map.of("expression", deep), "adam", 2_000, "central"),
                spec(Map.of("name", "linear-regression"), "sgd", 5_000, "analytic"),
                spec(Map.of("name", "logistic-regression", "batch_size", 8), "adam", 5_000, "analytic"));
        System.out.printf("%-60s %12s %12s %7s%n", "run", "measured ns", "estimate", "ratio");
        for (Map<String, Object> json : specs) {
            RunSpec spec = RunSpec.fromJson(json);
            long best = Long.MAX_VALUE;
            for (int k = 0; k < 8; k++) {
                long t0 = System.nanoTime();
                Run run = Run.start(spec);
                while (run.hasNext()) {
                    run.next();
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            long estimate = Work.run(spec);
            String name = json.get("problem") + " " + spec.optimizer().name() + " " + spec.gradient().method();
            System.out.printf("%-60.60s %12d %12d %7.2f%n", name, best, estimate, (double) best / estimate);
        }
        int[][] nets = {{30, 32, 32, 200}, {20, 8, 32, 200}, {10, 32, 32, 1000}, {6, 16, 32, 200}};
        for (int[] c : nets) {
            NetSpec net = new NetSpec(c[0], c[1], "tanh", "xavier", false, null, 0, "adam", 0.01, c[2], 1);
            var data = Datasets.generate("moons", c[3], 0.1, 1);
            long best = Long.MAX_VALUE;
            int steps = 20;
            for (int k = 0; k < 5; k++) {
                Trainer trainer = new Trainer(net, data);
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    trainer.step();
                }
                double[][] range = {{-2, 2}, {-2, 2}};
                trainer.decisionGrid(30, range);
                best = Math.min(best, System.nanoTime() - t0);
            }
            long estimate = Work.training(net, c[3], steps, 900, 1);
            System.out.printf("%-60s %12d %12d %7.2f%n", "train depth " + c[0] + " width " + c[1] + " n " + c[3],
                    best, estimate, (double) best / estimate);
        }
    }

    private static Map<String, Object> spec(Map<String, Object> problem, String optimizer, int steps, String gradient) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", problem);
        m.put("optimizer", Map.of("name", optimizer, "lr", 0.001));
        m.put("gradient", Map.of("method", gradient));
        m.put("stop", Map.of("max_steps", steps));
        return m;
    }
}
