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
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The numbers the lessons state about runs, re-computed by the engine, so prose and engine cannot
 * drift apart. Each test names the lesson; each number is asserted as the lesson rounds it, and the
 * test also checks that the lesson still says it.
 */
class LessonClaimsMatchEngineTest {

    // ----- lesson 1: what gradient descent does -----

    @Test
    void lesson1TheWorkedOneDimensionalRunHalvesTheDistanceEachStep() {
        // (x + 1)² with a flat second coordinate: y stays 0, so x and the loss are the 1D run's
        List<Step> s = run(Map.of("expression", "x^2 + 2*x + 1 + y^2", "range", List.of(List.of(-3, 3), List.of(-3, 3))),
                new double[] {2, 0}, sgd(0.25), 4).steps();
        assertThat(s.stream().map(x -> x.params()[0]).toList()).containsExactly(2.0, 0.5, -0.25, -0.625, -0.8125);
        assertThat(s.stream().map(Step::loss).toList()).containsExactly(9.0, 2.25, 0.5625, 0.140625, 0.03515625);
        says("01-foundations/01-what-gradient-descent-does.md", "| 4 | −0.8125 | 0.375 | −0.09375 | 0.03515625 |");
        // the quiz: (x − 3)² from 0 at η = 0.25 is at 2.25 after two steps
        List<Step> q = run(Map.of("expression", "(x - 3)^2 + y^2", "range", List.of(List.of(-3, 6), List.of(-3, 3))),
                new double[] {0, 0}, sgd(0.25), 2).steps();
        assertThat(q.get(2).params()[0]).isEqualTo(2.25);
    }

    @Test
    void lesson1OnTheBowlYSettlesBeforeX() {
        List<Step> s = run("bowl", new double[] {3, 4}, sgd(0.1), 60).steps();
        assertThat(first(s, x -> Math.abs(x.params()[1]) < 1e-3)).isEqualTo(17);
        assertThat(first(s, x -> Math.abs(x.params()[0]) < 1e-3)).isEqualTo(36);
        says("01-foundations/01-what-gradient-descent-does.md", "|y| < 0.001 at step 17, |x| only at step 36");
    }

    // ----- lesson 2: the learning rate -----

    @Test
    void lesson2AtTheLimitTheSteepDirectionBouncesForever() {
        List<Step> s = run("bowl", new double[] {3, 4}, sgd(0.5), 60).steps();
        assertThat(s.get(1).params()).containsExactly(0.0, -4.0);
        for (int t = 1; t <= 60; t++) {
            assertThat(s.get(t).loss()).isEqualTo(32.0);
            assertThat(Math.abs(s.get(t).params()[1])).isEqualTo(4.0);
        }
        says("01-foundations/02-the-learning-rate.md", "The loss stays at 2 · 4² = 32 from step 1 on");
    }

    @Test
    void lessons2And11TheStretchedValleyAfterOneHundredSteps() {
        double[] start = {-4, 1};
        assertThat(sig(last(run("ill-conditioned", start, sgd(0.005), 100)).loss(), 1)).isEqualTo(3.0);
        assertThat(sig(last(run("ill-conditioned", start, sgd(0.05), 100)).loss(), 1)).isEqualTo(3e-4);
        assertThat(sig(last(run("ill-conditioned", start, sgd(0.15), 100)).loss(), 1)).isEqualTo(6e-14);
        RunResult exploding = run("ill-conditioned", start, sgd(0.21), 100);
        assertThat(exploding.status().reason()).isEqualTo("max-steps");
        assertThat(sig(last(exploding).loss(), 1)).isEqualTo(9e8);
        says("01-foundations/02-the-learning-rate.md", "lr 0.005 is still at loss 3 after 100 steps",
                "where 0.15 reaches $6 \\times 10^{-14}$");
        says("03-in-practice/11-a-practical-recipe.md", "0.15 reaches 6e-14, 0.05 only 3e-4 and 0.005 is still near 3",
                "0.21 is past 2/10 = 0.2 and ends near 1e9");
    }

    // ----- lesson 3: where gradients come from -----

    @Test
    void lesson3CentralDifferencesAreBestNearOneHundredThousandth() {
        var rows = GradientComparison.at(Expression.parse("(x + y) * sin(x)", 2), new double[] {1, 2}).sweep();
        assertThat(sig(row(rows, 2).centralError(), 1)).isEqualTo(3e-5);
        assertThat(sig(row(rows, 5).centralError(), 1)).isEqualTo(2e-11);
        assertThat(sig(row(rows, 8).forwardError(), 1)).isEqualTo(1e-9);
        assertThat(sig(row(rows, 8).centralError(), 1)).isEqualTo(1e-8);
        assertThat(Math.round(row(rows, 15).centralError() * 100)).isEqualTo(7);
        says("01-foundations/03-where-gradients-come-from.md", "a relative error of about 2e-11 at h = 1e-5",
                "3e-5 at h = 1e-2", "about 1e-9, but central ones are already back up to 1e-8", "off by 7%");
    }

    // ----- lesson 4: batch, stochastic and mini-batch -----

    @Test
    void lesson4OneSampleEndsHighest() {
        assertThat(sig(batchNoise(1), 3)).isEqualTo(0.113);
        assertThat(sig(batchNoise(100), 3)).isEqualTo(0.0939);
        assertThat(sig(batchNoise(10), 3)).isEqualTo(0.0944);
        says("02-variants/04-batch-stochastic-and-mini-batch.md", "ends at 0.113", "least loss 0.0939", "at 0.0944");
    }

    // ----- lesson 5: momentum and Nesterov -----

    @Test
    void lesson5NesterovsStableRangeIsNarrower() {
        // bowl x² + 2y², largest curvature 4: heavy ball up to 3.8/4 = 0.95, Nesterov up to 1.357/4 = 0.339
        assertThat(run("bowl", new double[] {3, 4}, momentum("momentum", 0.94, 0.9), 3000).status().reason()).isEqualTo("max-steps");
        assertThat(last(run("bowl", new double[] {3, 4}, momentum("momentum", 0.94, 0.9), 3000)).loss()).isLessThan(1e-100);
        assertThat(last(run("bowl", new double[] {3, 4}, momentum("nesterov", 0.335, 0.9), 3000)).loss()).isLessThan(1e-50);
        assertThat(run("bowl", new double[] {3, 4}, momentum("nesterov", 0.34, 0.9), 3000).status().reason()).isEqualTo("diverged");
        // the quiz: curvature 10, η = 0.2, μ = 0.9
        Map<String, Object> q = Map.of("name", "quadratic", "a", 10);
        assertThat(last(run(q, new double[] {3}, momentum("momentum", 0.2, 0.9), 2000)).loss()).isLessThan(1e-50);
        assertThat(run(q, new double[] {3}, momentum("nesterov", 0.2, 0.9), 2000).status().reason()).isEqualTo("diverged");
        says("02-variants/05-momentum-and-nesterov.md", "momentum still converges at $\\eta = 0.94$, while Nesterov\nconverges at $0.335$ and diverges at $0.34$");
    }

    @Test
    void lesson5StepsToOneMillionthOnTheStretchedValley() {
        double[] start = {-4, 1};
        assertThat(first(run("ill-conditioned", start, sgd(0.18), 300).steps(), s -> s.loss() < 1e-6)).isEqualTo(41);
        assertThat(first(run("ill-conditioned", start, momentum("momentum", 0.18, 0.5), 300).steps(), s -> s.loss() < 1e-6)).isEqualTo(23);
        assertThat(first(run("ill-conditioned", start, momentum("momentum", 0.18, 0.9), 300).steps(), s -> s.loss() < 1e-6)).isEqualTo(133);
        says("02-variants/05-momentum-and-nesterov.md", "the loss needs 41 steps to fall below 1e-6", "μ = 0.5: 23 steps; with μ = 0.9, 133");
    }

    // ----- lessons 6, 7 and 12: adaptive methods rattle or settle -----

    @Test
    void lesson6OnRosenbrockRmspropRattlesAndAdamSettles() {
        List<Step> rms = run("rosenbrock", null, opt("rmsprop", 0.01), 2000).steps();
        List<Step> adam = run("rosenbrock", null, opt("adam", 0.05), 2000).steps();
        assertThat(sig(meanLastSteps(rms, 200), 2)).isEqualTo(0.014);
        assertThat(sig(last(rms).loss(), 2)).isEqualTo(0.024);
        assertThat(sig(meanLastSteps(adam, 200), 2)).isEqualTo(1.6e-7);
        assertThat(sig(last(adam).loss(), 2)).isEqualTo(1.7e-12);
        says("02-variants/06-adaptive-methods.md", "average $0.014$ in length", "the loss is still $0.024$ after 2000 steps",
                "average $1.6 \\times 10^{-7}$", "$1.7 \\times 10^{-12}$");
        says("03-in-practice/12-playground.md", "its steps shrink to about $10^{-7}$ near the minimum");
    }

    @Test
    void lesson6OnThePlateauAdagradArrivesFirst() {
        Map<String, Integer> arrivals = new LinkedHashMap<>();
        for (var e : List.of(Map.entry("sgd", 0.001), Map.entry("adagrad", 0.5), Map.entry("rmsprop", 0.01),
                Map.entry("adam", 0.05), Map.entry("adamw", 0.05))) {
            arrivals.put(e.getKey(), first(run("plateau-2d", null, opt(e.getKey(), e.getValue()), 2000).steps(), s -> s.loss() < 1e-3));
        }
        assertThat(arrivals).containsExactly(Map.entry("sgd", -1), Map.entry("adagrad", 16), Map.entry("rmsprop", 218),
                Map.entry("adam", 60), Map.entry("adamw", 60));
        says("02-variants/06-adaptive-methods.md", "AdaGrad arrives at step 16, Adam and AdamW at 60, RMSProp at 218");
    }

    @Test
    void lesson12TheRaceOnRosenbrock() {
        Map<String, Integer> arrivals = new LinkedHashMap<>();
        for (var e : List.of(Map.entry("nesterov", 0.001), Map.entry("momentum", 0.001), Map.entry("adam", 0.05),
                Map.entry("adamw", 0.05), Map.entry("sgd", 0.001), Map.entry("adagrad", 0.5), Map.entry("rmsprop", 0.01))) {
            arrivals.put(e.getKey(), first(run("rosenbrock", null, opt(e.getKey(), e.getValue()), 3000).steps(), s -> s.loss() < 1e-3));
        }
        assertThat(arrivals).containsExactly(Map.entry("nesterov", 557), Map.entry("momentum", 666), Map.entry("adam", 914),
                Map.entry("adamw", 1920), Map.entry("sgd", -1), Map.entry("adagrad", -1), Map.entry("rmsprop", -1));
        says("03-in-practice/12-playground.md", "Nesterov arrives at step 557, momentum at 666, Adam at 914 and AdamW at 1920");
    }

    @Test
    void lesson12SgdOnRosenbrockDivergesFrom0point0021ByStep7() {
        RunResult at = run("rosenbrock", new double[] {-1.5, 2}, sgd(0.0021), 2000);
        assertThat(at.status().reason()).isEqualTo("diverged");
        assertThat(at.status().steps()).isEqualTo(7);
        assertThat(run("rosenbrock", new double[] {-1.5, 2}, sgd(0.002), 2000).status().reason()).isEqualTo("max-steps");
        assertThat(run("rosenbrock", new double[] {-1.5, 2}, sgd(0.00205), 2000).status().reason()).isEqualTo("max-steps");
        says("03-in-practice/12-playground.md", "from $0.0021$ up the run blows up", "by step 7", "from $0.0021$ it blows up within 7 steps");
    }

    // ----- lesson 7: schedules -----

    @Test
    void lesson7CosineEndsBelowTheConstantRate() {
        Map<String, Object> problem = Map.of("name", "linear-regression", "n", 200, "noise", 0.5, "batch_size", 8);
        List<Step> cosine = runWith(problem, null, sgd(0.1), Map.of("name", "cosine", "T_max", 300, "eta_min", 0), 300, 1).steps();
        List<Step> constant = runWith(problem, null, sgd(0.1), Map.of("name", "constant"), 300, 1).steps();
        assertThat(sig(last(cosine).loss(), 5)).isEqualTo(0.11642);
        assertThat(sig(last(constant).loss(), 4)).isEqualTo(0.1258);
        double lowestConstant = constant.stream().mapToDouble(Step::loss).min().orElseThrow();
        assertThat(sig(lowestConstant, 5)).isEqualTo(0.11643);
        assertThat(last(cosine).loss()).isLessThan(lowestConstant);
        says("02-variants/07-learning-rate-schedules.md", "(final loss 0.1258)", "ends at 0.11642", "(0.11643)");
    }

    @Test
    void lesson7ExponentialDecayCompounds() {
        List<Step> s = runWith("bowl", new double[] {3, 4}, sgd(0.1), Map.of("name", "exponential", "gamma", 0.99), 500, 0).steps();
        assertThat(sig(s.get(500).lr(), 2)).isEqualTo(6.6e-4);
        List<Step> longer = runWith("bowl", new double[] {3, 4}, sgd(0.1), Map.of("name", "exponential", "gamma", 0.99), 600, 0).steps();
        assertThat(first(longer, x -> x.lr() < 0.001)).isEqualTo(459);
        says("02-variants/07-learning-rate-schedules.md", "About $6.6 \\times 10^{-4}$", "under 1% of $\\eta_0$ after 460 steps");
    }

    // ----- lesson 8: two valleys -----

    @Test
    void lesson8MomentumCrossesTheRidgeOnlyFromFarRight() {
        assertThat(valley("momentum", 0.01, 1.9)).isEqualTo("global");
        assertThat(valley("momentum", 0.01, 1.5)).isEqualTo("local");
        assertThat(valley("sgd", 0.02, 1.9)).isEqualTo("local");
        assertThat(valley("adam", 0.05, 1.9)).isEqualTo("local");
        assertThat(valley("sgd", 0.02, 0.25)).isEqualTo("local");
        assertThat(valley("sgd", 0.02, 0.1)).isEqualTo("global");
        for (var e : Map.of("sgd", 0.02, "momentum", 0.01, "adam", 0.05).entrySet()) {
            double x = last(run("double-well-2d", new double[] {0.4, 1.6}, opt(e.getKey(), e.getValue()), 300)).params()[0];
            assertThat(sig(x, 4)).as(e.getKey()).isEqualTo(1.131);
        }
        says("03-in-practice/08-convergence-challenges.md", "at $x \\gtrsim 1.8$", "all three settle at x ≈ 1.131");
    }

    // ----- lesson 9: when to stop -----

    @Test
    void lesson9AtASmallRateTheStepSizeRuleFiresFirst() {
        List<Step> s = run("ill-conditioned", null, sgd(0.003), 4000).steps();
        assertThat(s.get(0).params()).containsExactly(-4.0, 1.0);
        int step = firstChange(s, "param", 1e-4);
        int loss = firstChange(s, "loss", 1e-6);
        int grad = first(s, x -> x.gradNorm() < 1e-3);
        assertThat(List.of(step, loss, grad)).containsExactly(1595, 1795, 2761);
        assertThat(sig(s.get(step).loss(), 2)).isEqualTo(5.5e-4);
        assertThat(sig(s.get(grad).loss(), 1)).isEqualTo(5e-7);
        List<Step> fast = run("ill-conditioned", null, sgd(0.15), 300).steps();
        assertThat(List.of(firstChange(fast, "loss", 1e-6), first(fast, x -> x.gradNorm() < 1e-3), firstChange(fast, "param", 1e-4)))
                .containsExactly(46, 52, 55);
        says("03-in-practice/09-when-to-stop.md", "(loss change at\nstep 46, gradient at 52, step size at 55)",
                "fires at step 1595 while the loss is still 5.5e-4", "at 1795", "only at 2761, when the loss is 5e-7",
                "this rule fires at a loss of $5.5 \\times 10^{-4}$");
    }

    // ----- lesson 10: gradients in deep networks -----

    @Test
    void lesson10DeepSigmoidGradientsVanishByMillions() {
        List<TrainStep> plain = train("sigmoid", "normal", false);
        double[] at11 = plain.get(10).layerGradNorms();
        assertThat(plain.get(10).t()).isEqualTo(11);
        assertThat(sig(at11[0], 1)).isEqualTo(2e-8);
        assertThat(sig(at11[at11.length - 1], 1)).isEqualTo(0.3);
        double[] at1 = plain.get(0).layerGradNorms();
        assertThat(sig(at1[0], 1)).isEqualTo(1e-7);
        assertThat(sig(at1[at1.length - 1], 2)).isEqualTo(0.76);
        assertThat(Math.round(at1[at1.length - 1] / at1[0] / 1e6)).isEqualTo(7);
        assertThat(plain.get(299).accuracy()).isEqualTo(0.5);
        says("03-in-practice/10-gradients-in-deep-networks.md", "about $2 \\times 10^{-8}$ for the first layer against $0.3$",
                "about 1e-7 against 0.76 for the last, a ratio of about 1 in 7 million", "accuracy $0.50$");
    }

    @Test
    void lesson10ResidualConnectionsHelpSigmoidAndHurtReluWithHe() {
        assertThat(sig(train("sigmoid", "normal", true).get(299).accuracy(), 2)).isEqualTo(0.94);
        TrainStep relu = train("relu", "he", false).get(299);
        assertThat(sig(relu.loss(), 1)).isEqualTo(0.007);
        assertThat(relu.accuracy()).isEqualTo(1.0);
        assertThat(sig(train("relu", "he", true).get(299).loss(), 2)).isEqualTo(0.044);
        says("03-in-practice/10-gradients-in-deep-networks.md", "reaches accuracy $0.94$", "loss $0.007$ and every point right",
                "worse ($0.044$)");
    }

    // ----- helpers -----

    private static void says(String lesson, String... phrases) {
        String text;
        try {
            text = Files.readString(Path.of("content", lesson));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (String phrase : phrases) {
            assertThat(text.contains(phrase)).as(lesson + " still says: " + phrase).isTrue();
        }
    }

    /** v rounded to n significant digits, as the lessons write numbers. */
    private static double sig(double v, int n) {
        return new BigDecimal(v).round(new MathContext(n)).doubleValue();
    }

    private static Map<String, Object> sgd(double lr) {
        return opt("sgd", lr);
    }

    private static Map<String, Object> opt(String name, double lr) {
        return new LinkedHashMap<>(Map.of("name", name, "lr", lr));
    }

    private static Map<String, Object> momentum(String name, double lr, double mu) {
        return new LinkedHashMap<>(Map.of("name", name, "lr", lr, "momentum", mu));
    }

    private static RunResult run(Object problem, double[] start, Map<String, Object> optimizer, int maxSteps) {
        return runWith(problem, start, optimizer, null, maxSteps, 0);
    }

    private static RunResult runWith(Object problem, double[] start, Map<String, Object> optimizer, Map<String, Object> schedule,
            int maxSteps, int seed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("problem", problem instanceof String name ? Map.of("name", name) : problem);
        if (start != null) {
            json.put("start", Arrays.stream(start).boxed().toList());
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

    /** The first step satisfying the test, or −1. */
    private static int first(List<Step> steps, java.util.function.Predicate<Step> test) {
        return steps.stream().filter(test).mapToInt(Step::t).findFirst().orElse(-1);
    }

    /** The first step whose loss change ("loss") or step length ("param") is below tol, as the stopping-rules widget measures. */
    private static int firstChange(List<Step> s, String what, double tol) {
        for (int t = 1; t < s.size(); t++) {
            double change = what.equals("loss") ? Math.abs(s.get(t).loss() - s.get(t - 1).loss()) : distance(s.get(t).params(), s.get(t - 1).params());
            if (change < tol) {
                return t;
            }
        }
        return -1;
    }

    private static double meanLastSteps(List<Step> s, int k) {
        double sum = 0;
        for (int t = s.size() - k; t < s.size(); t++) {
            sum += distance(s.get(t).params(), s.get(t - 1).params());
        }
        return sum / k;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static GradientComparison.Row row(List<GradientComparison.Row> rows, int exponent) {
        return rows.stream().filter(r -> Math.round(-Math.log10(r.h())) == exponent).findFirst().orElseThrow();
    }

    private static double batchNoise(int batch) {
        Map<String, Object> problem = Map.of("name", "linear-regression", "n", 100, "noise", 0.5, "batch_size", batch);
        return last(runWith(problem, null, sgd(0.1), null, 200, 2)).loss();
    }

    private static String valley(String optimizer, double lr, double x0) {
        double x = last(run("double-well-2d", new double[] {x0, 0}, opt(optimizer, lr), 300)).params()[0];
        return Math.abs(x + 1.3008) < 1e-3 ? "global" : Math.abs(x - 1.1309) < 1e-3 ? "local" : "neither";
    }

    /** The deep-gradients widget of lesson 10: 20 layers of 8 on the moons, Adam at 0.01, 300 steps. */
    private static List<TrainStep> train(String activation, String init, boolean residual) {
        NetSpec spec = new NetSpec(20, 8, activation, init, residual, null, 0, "adam", 0.01, 32, 1);
        return new Trainer(spec, Datasets.generate("moons", 200, 0.1, 1)).steps(300);
    }

}
