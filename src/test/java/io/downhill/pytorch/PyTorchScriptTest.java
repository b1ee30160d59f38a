package io.downhill.pytorch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.downhill.optim.Change;
import io.downhill.optim.Run;
import io.downhill.optim.RunResult;
import io.downhill.optim.RunSpec;
import io.downhill.optim.ScheduleSpec;
import io.downhill.optim.Step;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For specs covering every optimizer, schedule, data problem, an expression problem, numerical
 * gradients, clipping and mid-run changes: every value in the script is exactly the spec's, and
 * the claims in its comments are the engine's.
 */
class PyTorchScriptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ARG = Pattern.compile("(\\w+)=(\\([^)]*\\)|\"[^\"]*\"|[^,()\\s\\]]+)");

    static Stream<String> specs() {
        return Stream.of(
                """
                {"problem": {"name": "bowl"}, "start": [3, 4], "optimizer": {"name": "sgd", "lr": 0.1}, "stop": {"max_steps": 40}}""",
                """
                {"problem": {"name": "rosenbrock"}, "start": [-1.5, 2], "optimizer": {"name": "momentum", "lr": 0.001, "momentum": 0.8},
                 "schedule": {"name": "step", "step_size": 30, "gamma": 0.5}, "stop": {"max_steps": 200},
                 "changes": [{"at": 50, "lr": 0.0005, "momentum": 0.95}, {"at": 120, "dampening": 0.1}], "seed": 3}""",
                """
                {"problem": {"name": "ill-conditioned", "condition": 100}, "optimizer": {"name": "nesterov", "lr": 0.01, "weight_decay": 0.001},
                 "schedule": {"name": "exponential", "gamma": 0.995}, "stop": {"max_steps": 300}}""",
                """
                {"problem": {"name": "beale"}, "start": [1, 1], "optimizer": {"name": "adagrad", "lr": 0.3, "lr_decay": 0.01,
                 "initial_accumulator_value": 0.1, "eps": 1e-9, "clip_grad_norm": 2.5},
                 "schedule": {"name": "cosine", "T_max": 150, "eta_min": 0.001}, "stop": {"max_steps": 150},
                 "changes": [{"at": 60, "clip_grad_norm": null}, {"at": 90, "lr": 0.2}]}""",
                """
                {"problem": {"name": "himmelblau"}, "start": [0, 0], "optimizer": {"name": "rmsprop", "lr": 0.01, "alpha": 0.9,
                 "momentum": 0.5, "centered": true}, "schedule": {"name": "linear", "start_factor": 0.25, "end_factor": 1, "total_iters": 40},
                 "stop": {"max_steps": 250}, "changes": [{"at": 100, "lr": 0.003, "alpha": 0.95}]}""",
                """
                {"problem": {"name": "rosenbrock"}, "start": [-1.5, 2], "optimizer": {"name": "adam", "lr": 0.05, "amsgrad": true},
                 "schedule": {"name": "cosine-restarts", "T_0": 40, "T_mult": 2, "eta_min": 0.0001}, "stop": {"max_steps": 300},
                 "changes": [{"at": 100, "lr": 0.02, "betas": [0.8, 0.99]}], "seed": 7}""",
                """
                {"problem": {"name": "himmelblau"}, "start": [1, 1], "optimizer": {"name": "adamw", "lr": 0.1, "weight_decay": 0.05, "eps": 1e-6},
                 "schedule": {"name": "plateau", "patience": 3, "factor": 0.5, "threshold_mode": "abs", "cooldown": 2, "min_lr": 0.001},
                 "stop": {"max_steps": 200}, "changes": [{"at": 80, "lr": 0.08}]}""",
                """
                {"problem": {"name": "quadratic", "a": 3}, "start": [2], "optimizer": {"name": "sgd", "lr": 0.2},
                 "schedule": {"name": "warmup", "warmup_steps": 5, "start_factor": 0.1, "then": {"name": "cosine", "T_max": 40}},
                 "stop": {"max_steps": 45}}""",
                """
                {"problem": {"name": "double-well-2d"}, "start": [1.8, 1], "optimizer": {"name": "momentum", "lr": 0.01},
                 "schedule": {"name": "warmup", "warmup_steps": 10, "then": {"name": "plateau", "patience": 4}},
                 "stop": {"max_steps": 120}}""",
                """
                {"problem": {"name": "linear-regression", "n": 40, "noise": 0.3}, "optimizer": {"name": "adam", "lr": 0.1},
                 "schedule": {"name": "warmup", "warmup_steps": 20}, "stop": {"max_steps": 150}, "seed": 11}""",
                """
                {"problem": {"name": "logistic-regression", "n": 60, "batch_size": 10}, "optimizer": {"name": "sgd", "lr": 0.5},
                 "gradient": {"method": "forward", "h": 1e-7}, "stop": {"max_steps": 100}, "seed": 5}""",
                """
                {"problem": {"expression": "sin(x)*cos(y) + 0.1*(x^2+y^2) - pi/e + exp(-abs(x)) + sigmoid(y)/sqrt(2) - tanh(x)*log(3)"},
                 "start": [2, 2], "optimizer": {"name": "momentum", "lr": 0.05}, "gradient": {"method": "central"},
                 "stop": {"max_steps": 500, "grad_norm": 1e-6}}""",
                """
                {"problem": {"name": "saddle"}, "start": [1, 0.01], "optimizer": {"name": "sgd", "lr": 0.3}, "stop": {"max_steps": 200}}""",
                """
                {"problem": {"name": "double-well"}, "start": [1.8], "optimizer": {"name": "rmsprop", "lr": 0.05}, "stop": {"max_steps": 60}}""",
                """
                {"problem": {"name": "plateau"}, "start": [3], "optimizer": {"name": "adagrad", "lr": 0.5}, "stop": {"max_steps": 60}}""",
                """
                {"problem": {"name": "monkey-saddle"}, "start": [0.5, 0.2], "optimizer": {"name": "adam", "lr": 0.01}, "stop": {"max_steps": 60}}""",
                """
                {"problem": {"name": "plateau-2d"}, "start": [3, 2], "optimizer": {"name": "nesterov", "lr": 0.5, "momentum": 0.7},
                 "stop": {"max_steps": 80, "loss_change": 1e-12}}""");
    }

    private static RunSpec spec(String json) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = JSON.readValue(json, Map.class);
        return RunSpec.fromJson(tree);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void valuesAreTheSpecsAndClaimsAreTheEngines(String json) throws Exception {
        RunSpec spec = spec(json);
        String script = PyTorchScript.generate(List.of(spec));
        RunResult result = Run.runAll(spec);
        Step last = result.steps().get(result.steps().size() - 1);

        // the optimizer line names torch's class and every argument with the spec's exact value
        String opt = line(script, "    opt = torch.optim.");
        Map<String, String> args = args(opt);
        assertThat(opt).startsWith("    opt = torch.optim." + TorchNames.optimizerClass(spec.optimizer()) + "([p]");
        Map<String, Object> hyper = new LinkedHashMap<>(spec.optimizer().params());
        hyper.remove("clip_grad_norm");
        assertThat(args.keySet()).containsExactlyInAnyOrderElementsOf(hyper.keySet());
        hyper.forEach((k, v) -> assertSame(args.get(k), v, k));

        // start, seed, the number of updates the engine ran
        assertThat(line(script, "    p = torch.tensor(")).isEqualTo("    p = torch.tensor(" + pyList(spec.start()) + ", requires_grad=True)");
        double[] start = numbers(line(script, "    p = torch.tensor("));
        assertThat(start).containsExactly(spec.start());
        assertThat(script).contains("    torch.manual_seed(" + spec.seed() + ")\n");
        assertThat(script).contains("    for t in range(" + result.status().steps() + "):\n");

        // the schedule's every parameter
        checkSchedule(script, spec.schedule());

        // clipping and gradients
        Object clip = spec.optimizer().params().get("clip_grad_norm");
        if (clip != null) {
            assertSame(line(script, "    max_norm = ").replaceAll("^ +max_norm = (\\S+).*$", "$1"), clip, "max_norm");
        }
        if (spec.gradient().h() != null) {
            String g = line(script, "        p.grad = ");
            assertThat(Double.parseDouble(g.replaceAll(".*, ([^,]+)\\)$", "$1"))).isEqualTo(spec.gradient().h());
        }

        // every change, at its step, with its exact value
        for (Change c : spec.changes()) {
            String block = block(script, "        if t == " + c.at() + ":");
            for (Map.Entry<String, Object> e : c.values().entrySet()) {
                String key = e.getKey();
                String value = key.equals("clip_grad_norm") ? find(block, "max_norm = (\\S+)")
                        : key.equals("lr") ? lrChange(block)
                        : find(block, "\\[\"" + key + "\"\\] = (\\([^)]*\\)|\\S+)");
                assertSame(value, e.getValue(), "changes at " + c.at() + ": " + key);
            }
        }

        // the claims: exactly what the engine computed, to 6 significant digits as Python prints them
        String claim = line(script, "#   run_1: ");
        assertThat(claim).isEqualTo("#   run_1: loss " + PyFormat.g6(last.loss()) + " params " + PyFormat.g6List(last.params()));
        double[] claimed = numbers(claim.substring(claim.indexOf("loss")));
        assertClose(claimed[0], last.loss());
        for (int i = 0; i < last.params().length; i++) {
            assertClose(claimed[i + 1], last.params()[i]);
        }
        assertThat(script).contains("# Downhill's engine " + PyTorchScript.ending(spec, result.status()));
        parsesAsPython(script);
    }

    @Test
    void miniBatchesAndWarmupLrChangesSayTheyAreNotExact() throws Exception {
        String batches = PyTorchScript.generate(List.of(spec("""
                {"problem": {"name": "linear-regression", "batch_size": 10}, "optimizer": {"name": "sgd", "lr": 0.1}, "stop": {"max_steps": 50}}""")));
        assertThat(batches).contains("# Not exact in torch: torch draws its own mini-batches");
        String warm = PyTorchScript.generate(List.of(spec("""
                {"problem": {"name": "bowl"}, "optimizer": {"name": "sgd", "lr": 0.1}, "schedule": {"name": "warmup"},
                 "stop": {"max_steps": 50}, "changes": [{"at": 5, "lr": 0.05}]}""")));
        assertThat(warm).contains("# Not exact in torch: a mid-run lr change inside a warmup schedule");
        String exact = PyTorchScript.generate(List.of(spec("""
                {"problem": {"name": "linear-regression"}, "optimizer": {"name": "sgd", "lr": 0.1}, "stop": {"max_steps": 50}}""")));
        assertThat(exact).doesNotContain("Not exact");
    }

    @Test
    void aRaceIsOneScriptWithARunPerOptimizer() throws Exception {
        List<RunSpec> race = new ArrayList<>();
        for (String name : List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw")) {
            race.add(spec("{\"problem\": {\"name\": \"rosenbrock\"}, \"start\": [-1.5, 2], \"optimizer\": {\"name\": \"" + name
                    + "\", \"lr\": 0.001}, \"stop\": {\"max_steps\": 100}}"));
        }
        String script = PyTorchScript.generate(race);
        for (int k = 0; k < race.size(); k++) {
            RunResult r = Run.runAll(race.get(k));
            Step last = r.steps().get(r.steps().size() - 1);
            assertThat(script).contains("#   run_" + (k + 1) + ": loss " + PyFormat.g6(last.loss()));
            assertThat(script).contains("\nrun_" + (k + 1) + "()\n");
        }
        assertThat(script).containsOnlyOnce("def f(p):");
        parsesAsPython(script);
    }

    private static void checkSchedule(String script, ScheduleSpec s) {
        if (s.name().equals("constant")) {
            assertThat(script).doesNotContain("sched = ");
            return;
        }
        if (s.name().equals("warmup")) {
            String warm = line(script, "lr_scheduler.LinearLR(opt, start_factor=");
            Map<String, String> a = args(warm.substring(warm.indexOf("LinearLR(")));
            assertSame(a.get("start_factor"), s.params().get("start_factor"), "start_factor");
            assertThat(a.get("total_iters")).isEqualTo(String.valueOf(s.params().get("warmup_steps")));
            assertThat(a.get("end_factor")).isEqualTo("1.0");
            ScheduleSpec then = (ScheduleSpec) s.params().get("then");
            if (!then.name().equals("constant")) {
                checkParams(script, then);
            }
            return;
        }
        checkParams(script, s);
    }

    private static void checkParams(String script, ScheduleSpec s) {
        String torch = Map.of("step", "StepLR", "exponential", "ExponentialLR", "cosine", "CosineAnnealingLR",
                "linear", "LinearLR", "cosine-restarts", "CosineAnnealingWarmRestarts", "plateau", "ReduceLROnPlateau").get(s.name());
        String l = line(script, "lr_scheduler." + torch + "(opt");
        String call = l.substring(l.indexOf(torch + "(opt"));
        Map<String, String> a = args(call.substring(0, call.indexOf(')') + 1));
        assertThat(a.keySet()).containsExactlyInAnyOrderElementsOf(s.params().keySet());
        s.params().forEach((k, v) -> assertSame(a.get(k), v, s.name() + "." + k));
    }

    private static String lrChange(String block) {
        String base = find(block, "base_lrs = \\[([^\\]]+)\\]");
        return base != null ? base : find(block, "\\[\"lr\"\\] (?:=|\\*=) ([^\\s/]+)");
    }

    private static void assertSame(String text, Object expected, String what) {
        assertThat(text).as(what).isNotNull();
        if (expected instanceof Double d) {
            assertThat(Double.parseDouble(text)).as(what).isEqualTo(d);
        } else if (expected instanceof Integer i) {
            assertThat(text).as(what).isEqualTo(i.toString());
        } else if (expected instanceof Boolean b) {
            assertThat(text).as(what).isEqualTo(b ? "True" : "False");
        } else if (expected instanceof List<?> l) {
            double[] got = numbers(text);
            assertThat(got).as(what).hasSize(l.size());
            for (int i = 0; i < l.size(); i++) {
                assertThat(got[i]).as(what).isEqualTo((Double) l.get(i));
            }
        } else if (expected == null) {
            assertThat(text).as(what).isEqualTo("None");
        } else {
            assertThat(text).as(what).isEqualTo("\"" + expected + "\"");
        }
    }

    private static void assertClose(double claimed, double engine) {
        if (!Double.isFinite(engine)) {
            assertThat(Double.isNaN(claimed) == Double.isNaN(engine)).isTrue();
            return;
        }
        assertThat(Math.abs(claimed - engine)).isLessThanOrEqualTo(5e-6 * Math.abs(engine));
    }

    private static Map<String, String> args(String call) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ARG.matcher(call);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static String line(String script, String prefix) {
        return script.lines().filter(l -> l.startsWith(prefix) || (!prefix.startsWith(" ") && !prefix.startsWith("#") && l.contains(prefix)))
                .findFirst().orElseThrow(() -> new AssertionError("no line with " + prefix + " in\n" + script));
    }

    private static String block(String script, String header) {
        int at = script.indexOf(header + "  # a change made mid-run\n");
        assertThat(at).as(header).isNotNegative();
        StringBuilder b = new StringBuilder();
        for (String l : script.substring(at).lines().skip(1).toList()) {
            if (!l.startsWith("            ")) {
                break;
            }
            b.append(l).append('\n');
        }
        return b.toString();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static double[] numbers(String text) {
        Matcher m = Pattern.compile("-?(?:\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|nan|inf)").matcher(text);
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            String s = m.group();
            out.add(s.equals("nan") ? Double.NaN : s.endsWith("inf") ? (s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : Double.parseDouble(s));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String pyList(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(PyFormat.literal(values[i]));
        }
        return b.append("]").toString();
    }

    /** Where python3 is installed (torch is not needed for this), the script must at least parse. */
    private static void parsesAsPython(String script) throws Exception {
        if (!new File("/usr/bin/python3").canExecute() && !new File("/usr/local/bin/python3").canExecute()) {
            return;
        }
        Path file = Files.createTempFile("downhill", ".py");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("python3", "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())", file.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.delete(file);
        assertThat(p.exitValue()).as(out + "\n" + script).isZero();
    }
}
