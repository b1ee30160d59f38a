package io.downhill.web.stream;

import io.downhill.optim.SpecException;
import io.downhill.optim.Work;
import io.downhill.optim.nn.Dataset;
import io.downhill.optim.nn.Datasets;
import io.downhill.optim.nn.NetSpec;
import io.downhill.web.ApiProblem;
import io.downhill.web.Compute;
import io.downhill.web.RequestJson;
import java.util.List;
import java.util.Map;

/**
 * A training run for the deep-gradients widget, read strictly from JSON: the dataset, the network
 * and how long to train. Bounded in total work, since a deep, wide network on many points is
 * costly per step.
 */
public record TrainingSpec(NetSpec net, Dataset data, int maxSteps) {
    static final List<String> KEYS = List.of("dataset", "n", "noise", "depth", "width", "activation", "init",
            "residual", "clip_grad_norm", "weight_decay", "optimizer", "lr", "batch_size", "max_steps", "seed");

    public static TrainingSpec parse(String json) {
        Map<String, Object> m = RequestJson.object(json, "spec", "a JSON object");
        for (String key : m.keySet()) {
            if (!KEYS.contains(key)) {
                throw ApiProblem.badRequest(key, "unknown field; known: " + String.join(", ", KEYS));
            }
        }
        try {
            int n = integer(m, "n", 200, 20, 1000);
            NetSpec net = new NetSpec(
                    integer(m, "depth", 3, 1, 30), integer(m, "width", 8, 1, 32),
                    text(m, "activation", "tanh"), text(m, "init", "xavier"),
                    Boolean.TRUE.equals(m.get("residual")),
                    m.get("clip_grad_norm") == null ? null : number(m, "clip_grad_norm", 1, 1e-6, 1e6),
                    number(m, "weight_decay", 0, 0, 1), text(m, "optimizer", "adam"),
                    number(m, "lr", 0.01, 1e-6, 10), integer(m, "batch_size", 32, 1, n),
                    integer(m, "seed", 1, 0, Integer.MAX_VALUE));
            int maxSteps = integer(m, "max_steps", 300, 1, 5000);
            // an update is done in one piece, so it must stay short for other clients' work to interleave
            long update = Work.trainingUpdate(net, n);
            if (update > Work.MAX_PIECE) {
                throw ApiProblem.badRequest("batch_size", String.format(java.util.Locale.ROOT,
                        "one update of this network on a batch of %d would take about %.1e units of work; the bound is %.1e."
                        + " Use a smaller batch_size or a narrower or shallower network",
                        net.batchSize(), (double) update, (double) Work.MAX_PIECE));
            }
            Compute.requireWithinBound(work(net, n, maxSteps), Work.MAX_TRAINING, "max_steps",
                    "Train fewer steps or a smaller network (the decision surface is counted too).");
            Dataset data = Datasets.generate(text(m, "dataset", "moons"), n, number(m, "noise", 0.1, 0, 1), net.seed());
            return new TrainingSpec(net, data, maxSteps);
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
    }

    /** The whole training with its decision surfaces. */
    static long work(NetSpec net, int n, int maxSteps) {
        return Work.trainingStream(net, n, maxSteps);
    }

    public long work() {
        return work(net, data.size(), maxSteps);
    }

    private static int integer(Map<String, Object> m, String key, int fallback, int min, int max) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min || ((Number) v).longValue() > max) {
            throw ApiProblem.badRequest(key, "must be a whole number from " + min + " to " + max);
        }
        return ((Number) v).intValue();
    }

    private static double number(Map<String, Object> m, String key, double fallback, double min, double max) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min || n.doubleValue() > max) {
            throw ApiProblem.badRequest(key, "must be a number from " + min + " to " + max);
        }
        return n.doubleValue();
    }

    private static String text(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : String.valueOf(v);
    }
}
