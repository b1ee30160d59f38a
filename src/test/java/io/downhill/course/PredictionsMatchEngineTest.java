package io.downhill.course;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.optim.GradientComparison;
import io.downhill.optim.Run;
import io.downhill.optim.RunResult;
import io.downhill.optim.RunSpec;
import io.downhill.optim.Step;
import io.downhill.optim.expr.Expression;
import io.downhill.optim.nn.Datasets;
import io.downhill.optim.nn.NetSpec;
import io.downhill.optim.nn.TrainStep;
import io.downhill.optim.nn.Trainer;
import io.downhill.widget.BatchNoise;
import io.downhill.widget.DeepGradients;
import io.downhill.widget.Descent1d;
import io.downhill.widget.Descent2d;
import io.downhill.widget.GradientLab;
import io.downhill.widget.LrCompare;
import io.downhill.widget.OptimizerRace;
import io.downhill.widget.Predict;
import io.downhill.widget.ScheduleExplorer;
import io.downhill.widget.StoppingRules;
import io.downhill.widget.WidgetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code predict} answer in the bundled course is what the widget's default run shows: the
 * test rebuilds the run spec the widget's script sends (same problem, start, optimizer, steps and
 * seed), runs the engine, derives the answer, and compares it with the key.
 */
class PredictionsMatchEngineTest {
    private static Course course;

    @BeforeAll
    static void load() throws CourseException {
        course = new CourseLoader(false).load(Path.of("content"));
    }

    /** One derivation per prediction in the course, keyed "lesson-slug/widget-type". */
    private static final Map<String, Function<WidgetSpec, String>> DERIVE = Map.ofEntries(
            Map.entry("what-gradient-descent-does/descent-2d", w -> firstCoordinateNearZero((Descent2d) w)),
            Map.entry("the-learning-rate/lr-compare", w -> whatTheLargestRateDoes((LrCompare) w)),
            Map.entry("where-gradients-come-from/gradient-lab", w -> bestCentralStep((GradientLab) w)),
            Map.entry("batch-stochastic-and-mini-batch/batch-noise", w -> highestFinalLoss((BatchNoise) w)),
            Map.entry("momentum-and-nesterov/descent-2d", w -> stepsBelowOneMillionth((Descent2d) w)),
            Map.entry("adaptive-methods/optimizer-race", w -> raceWinner((OptimizerRace) w)),
            Map.entry("learning-rate-schedules/schedule-explorer", w -> lowerFinalLoss((ScheduleExplorer) w)),
            Map.entry("convergence-challenges/landscape-traps", w -> whereTheValleyRunsEnd()),
            Map.entry("when-to-stop/stopping-rules", w -> firstRuleToFire((StoppingRules) w)),
            Map.entry("gradients-in-deep-networks/deep-gradients", w -> firstAgainstLastLayer((DeepGradients) w)),
            Map.entry("a-practical-recipe/lr-compare", w -> lowestFinalLoss((LrCompare) w)),
            Map.entry("playground/optimizer-race", w -> raceWinner((OptimizerRace) w)),
            Map.entry("authoring-guide/descent-1d", w -> whereTheBallSettles((Descent1d) w)));

    @Test
    void everyLessonButNoneOtherHasAPredictionThatTheEngineConfirms() {
        List<String> found = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            long predictions = lesson.embeds().stream().filter(e -> e.predict() != null).count();
            assertThat(predictions).as(lesson.slug() + " asks for a prediction").isGreaterThanOrEqualTo(1);
            for (Embed embed : lesson.embeds()) {
                if (embed.predict() == null) {
                    continue;
                }
                String key = lesson.slug() + "/" + embed.widget().type();
                found.add(key);
                assertThat(DERIVE).as("a derivation for " + key).containsKey(key);
                Predict p = embed.predict();
                assertThat(DERIVE.get(key).apply(embed.widget())).as(key + ": " + p.question()).isEqualTo(p.answer());
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(DERIVE.keySet());
    }

    // ----- the derivations -----

    private static String firstCoordinateNearZero(Descent2d w) {
        List<Step> steps = run(w.problem(), w.start(), optimizer(w.optimizer(), w.lr(), w.momentum()), w.maxSteps(), 0).steps();
        int x = firstStep(steps, s -> Math.abs(s.params()[0]) < 1e-3);
        int y = firstStep(steps, s -> Math.abs(s.params()[1]) < 1e-3);
        return x == y ? "Both at the same step" : x < y ? "x" : "y";
    }

    private static String whatTheLargestRateDoes(LrCompare w) {
        double lr = w.lrs().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        RunResult r = run(w.problem(), w.start(), optimizer(w.optimizer(), lr, 0), w.maxSteps(), 0);
        List<Step> steps = r.steps();
        double first = steps.get(1).loss();
        double last = steps.get(steps.size() - 1).loss();
        if (r.status().reason().equals("diverged") || last > first * 1.000001) {
            return "Diverge: the loss grows without bound";
        }
        return last == first ? "Bounce between two points forever" : "Converge, faster than 0.1";
    }

    private static String bestCentralStep(GradientLab w) {
        GradientComparison lab = GradientComparison.at(Expression.parse(w.expression(), 2), w.point());
        GradientComparison.Row best = lab.sweep().stream()
                .min(java.util.Comparator.comparingDouble(GradientComparison.Row::centralError)).orElseThrow();
        return "h = 1e-" + Math.round(-Math.log10(best.h()));
    }

    private static String highestFinalLoss(BatchNoise w) {
        Map<String, Integer> runs = new LinkedHashMap<>();
        runs.put("Full batch", w.n());
        runs.put("One sample per step", 1);
        runs.put("Mini-batch of " + w.batchSize(), w.batchSize());
        String worst = null;
        double worstLoss = -1;
        for (var e : runs.entrySet()) {
            Map<String, Object> problem = Map.of("name", w.problem(), "n", w.n(), "noise", w.noise(), "batch_size", e.getValue());
            List<Step> steps = run(problem, null, optimizer("sgd", w.lr(), 0), w.maxSteps(), 2).steps();
            double loss = steps.get(steps.size() - 1).loss();
            if (loss > worstLoss) {
                worst = e.getKey();
                worstLoss = loss;
            }
        }
        return worst;
    }

    private static String stepsBelowOneMillionth(Descent2d w) {
        RunResult r = run(w.problem(), w.start(), optimizer(w.optimizer(), w.lr(), w.momentum()), w.maxSteps(), 0);
        if (r.status().reason().equals("diverged")) {
            return "Never: 0.18 is past the stability limit";
        }
        int t = firstStep(r.steps(), s -> s.loss() < 1e-6);
        return nearest(t, Map.of(10, "About 10", 40, "About 40", 150, "About 150"));
    }

    private static String raceWinner(OptimizerRace w) {
        String winner = null;
        int best = Integer.MAX_VALUE;
        for (String name : w.optimizers()) {
            List<Step> steps = run(w.problem(), w.start(), optimizer(name, w.lr().get(name), 0), w.maxSteps(), 0).steps();
            int t = firstStep(steps, s -> s.loss() < w.tolerance());
            if (t < best) {
                best = t;
                winner = name;
            }
        }
        return io.downhill.web.pages.WidgetView.label(winner).replace("RMSprop", "RMSProp");
    }

    private static String lowerFinalLoss(ScheduleExplorer w) {
        Map<String, Object> problem = Map.of("name", w.problem(), "n", 200, "noise", 0.5, "batch_size", w.batchSize());
        Map<String, Object> cosine = Map.of("name", "cosine", "T_max", w.maxSteps(), "eta_min", 0);
        double scheduled = last(runWith(problem, optimizer(w.optimizer(), w.lr(), 0), cosine, w.maxSteps(), 1)).loss();
        double constant = last(runWith(problem, optimizer(w.optimizer(), w.lr(), 0), Map.of("name", "constant"), w.maxSteps(), 1)).loss();
        assertThat(w.schedule()).isEqualTo("cosine");
        return scheduled < constant ? "The cosine schedule" : "The constant learning rate";
    }

    /** The valleys scenario as landscape-traps.js runs it: start (0.4, 1.6), 300 steps, these rates. */
    private static String whereTheValleyRunsEnd() {
        int right = 0;
        int left = 0;
        for (var e : Map.of("sgd", 0.02, "momentum", 0.01, "adam", 0.05).entrySet()) {
            double x = last(run("double-well-2d", new double[] {0.4, 1.6}, optimizer(e.getKey(), e.getValue(), 0), 300, 0).steps()).params()[0];
            if (Math.abs(x - 1.1309) < 1e-3) {
                right++;
            } else if (Math.abs(x + 1.3008) < 1e-3) {
                left++;
            }
        }
        return right == 3 ? "All three in the shallow valley on the right"
                : left == 3 ? "All three in the deep valley on the left" : "mixed";
    }

    private static String firstRuleToFire(StoppingRules w) {
        List<Step> s = run(w.problem(), w.start(), optimizer(w.optimizer(), w.lr(), 0), w.maxSteps(), 0).steps();
        int grad = firstStep(s, x -> x.gradNorm() < w.gradNorm());
        int loss = Integer.MAX_VALUE;
        int step = Integer.MAX_VALUE;
        for (int t = 1; t < s.size(); t++) {
            if (loss == Integer.MAX_VALUE && Math.abs(s.get(t).loss() - s.get(t - 1).loss()) < w.lossChange()) {
                loss = t;
            }
            if (step == Integer.MAX_VALUE && distance(s.get(t).params(), s.get(t - 1).params()) < w.paramChange()) {
                step = t;
            }
        }
        int first = Math.min(grad, Math.min(loss, step));
        if (first == Integer.MAX_VALUE) {
            return "None: the budget of 4,000 steps runs out";
        }
        return first == step ? "‖step‖ below 1e-4" : first == loss ? "|loss change| below 1e-6" : "‖gradient‖ below 0.001";
    }

    private static String firstAgainstLastLayer(DeepGradients w) {
        NetSpec spec = new NetSpec(w.depth(), w.width(), w.activation(), w.init(), w.residual(), w.clip() ? 1.0 : null,
                w.weightDecay(), w.optimizer(), w.lr(), 32, 1);
        TrainStep first = new Trainer(spec, Datasets.generate(w.dataset(), 200, 0.1, 1)).step();
        double[] g = first.layerGradNorms();
        double ratio = g[0] / g[g.length - 1];
        if (ratio > 1) {
            return "Larger: it explodes";
        }
        return ratio < 1e-6 ? "Millions of times smaller" : ratio < 1e-2 ? "About a thousand times smaller"
                : ratio < 0.3 ? "About 10 times smaller" : "About the same size";
    }

    private static String lowestFinalLoss(LrCompare w) {
        double best = Double.POSITIVE_INFINITY;
        double bestLr = 0;
        for (double lr : w.lrs()) {
            double loss = last(run(w.problem(), w.start(), optimizer(w.optimizer(), lr, 0), w.maxSteps(), 0).steps()).loss();
            if (loss < best) {
                best = loss;
                bestLr = lr;
            }
        }
        return "lr " + io.downhill.web.pages.WidgetView.number(bestLr);
    }

    private static String whereTheBallSettles(Descent1d w) {
        Map<String, Object> stop = Map.of("max_steps", w.maxSteps(), "param_change", 1e-9);
        Map<String, Object> json = new LinkedHashMap<>(Map.of("problem", Map.of("name", w.problem()), "start", List.of(w.start()),
                "optimizer", optimizer(w.optimizer(), w.lr(), 0), "stop", stop, "seed", 0));
        double x = last(Run.runAll(RunSpec.fromJson(json)).steps()).params()[0];
        return x > 0.5 ? "In the shallow valley on the right" : x < -0.5 ? "In the deep valley on the left" : "On the hump between them";
    }

    // ----- helpers mirroring the widgets' scripts -----

    private static Map<String, Object> optimizer(String name, double lr, double momentum) {
        Map<String, Object> o = new LinkedHashMap<>(Map.of("name", name, "lr", lr));
        if ((name.equals("momentum") || name.equals("nesterov")) && momentum > 0) {
            o.put("momentum", momentum);
        }
        return o;
    }

    private static RunResult run(Object problem, double[] start, Map<String, Object> optimizer, int maxSteps, int seed) {
        return runWith(problem, optimizer, null, maxSteps, seed, start);
    }

    private static RunResult runWith(Object problem, Map<String, Object> optimizer, Map<String, Object> schedule, int maxSteps, int seed) {
        return runWith(problem, optimizer, schedule, maxSteps, seed, null);
    }

    private static RunResult runWith(Object problem, Map<String, Object> optimizer, Map<String, Object> schedule, int maxSteps,
            int seed, double[] start) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("problem", problem instanceof String name ? Map.of("name", name) : problem);
        if (start != null) {
            json.put("start", java.util.Arrays.stream(start).boxed().toList());
        }
        json.put("optimizer", optimizer);
        if (schedule != null) {
            json.put("schedule", schedule);
        }
        json.put("stop", Map.of("max_steps", maxSteps));
        json.put("seed", seed);
        return Run.runAll(RunSpec.fromJson(json));
    }

    private static Step last(RunResult r) {
        return last(r.steps());
    }

    private static Step last(List<Step> steps) {
        return steps.get(steps.size() - 1);
    }

    private static int firstStep(List<Step> steps, java.util.function.Predicate<Step> test) {
        for (Step s : steps) {
            if (test.test(s)) {
                return s.t();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static String nearest(int t, Map<Integer, String> labels) {
        int best = labels.keySet().stream().min(java.util.Comparator.comparingDouble(k -> Math.abs(Math.log((double) t / k)))).orElseThrow();
        return labels.get(best);
    }
}
