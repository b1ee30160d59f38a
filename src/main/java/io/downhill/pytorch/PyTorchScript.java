package io.downhill.pytorch;

import io.downhill.optim.Change;
import io.downhill.optim.Run;
import io.downhill.optim.RunResult;
import io.downhill.optim.RunSpec;
import io.downhill.optim.ScheduleSpec;
import io.downhill.optim.Status;
import io.downhill.optim.Step;
import io.downhill.optim.problems.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A PyTorch script that reproduces one or more runs: the problem as a torch function, the start,
 * torch.optim and torch.optim.lr_scheduler with the spec's values under torch's parameter names,
 * mid-run changes, clipping, the seed and the number of updates. Each run's comment states what
 * Downhill's engine computed for it (the loss and parameters after the last update, as the script
 * prints them), and says where a spec cannot be expressed faithfully in torch.
 */
public final class PyTorchScript {
    /** Runs one script may reproduce. */
    public static final int MAX_RUNS = 8;

    private PyTorchScript() {}

    /** What the engine's run ends with, as the script prints it. */
    static String expected(RunResult result) {
        Step last = result.steps().get(result.steps().size() - 1);
        return "loss " + PyFormat.g6(last.loss()) + " params " + PyFormat.g6List(last.params());
    }

    public static String generate(List<RunSpec> specs) {
        if (specs.isEmpty() || specs.size() > MAX_RUNS) {
            throw new IllegalArgumentException("1 to " + MAX_RUNS + " runs");
        }
        RunSpec first = specs.get(0);
        Problem problem = first.createProblem();
        StringBuilder s = new StringBuilder();
        s.append("# Reproduces ").append(specs.size() == 1 ? "a Downhill run" : specs.size() + " Downhill runs")
                .append(" with torch.optim and\n# torch.optim.lr_scheduler, in float64 as Downhill computes.\n");
        s.append("# Each run prints its loss and parameters after the last update; the\n");
        s.append("# comment above it says what Downhill's engine computed. The last digits\n");
        s.append("# can differ by rounding, more so for a run that diverges.\n");
        s.append("import math\n\nimport torch\n\ntorch.set_default_dtype(torch.float64)\n\n\n");
        s.append(TorchProblem.source(first.problem(), problem)).append("\n\n");
        s.append(Helpers.source(specs));
        List<String> calls = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            String name = "run_" + (k + 1);
            RunResult result = Run.runAll(specs.get(k));
            s.append(RunSource.source(name, specs.get(k), result)).append("\n\n");
            calls.add(name);
        }
        for (String call : calls) {
            s.append(call).append("()\n");
        }
        return s.toString();
    }

    /** "stopped by grad_norm < 1e-08 after 137 updates" and the like. */
    static String ending(RunSpec spec, Status status) {
        return switch (status.reason()) {
            case Status.MAX_STEPS -> "ran all " + status.steps() + " updates (stop.max_steps)";
            case Status.CONVERGED -> "stopped after " + status.steps() + " updates, when its " + status.rule()
                    + " rule fired (< " + PyFormat.literal(rule(spec, status.rule())) + ")";
            default -> "diverged after " + status.steps() + " updates (" + status.rule() + ")";
        };
    }

    private static Object rule(RunSpec spec, String rule) {
        return switch (rule) {
            case "grad_norm" -> spec.stop().gradNorm();
            case "loss_change" -> spec.stop().lossChange();
            default -> spec.stop().paramChange();
        };
    }

    static boolean hasChange(RunSpec spec, String key) {
        return spec.changes().stream().anyMatch(c -> c.values().containsKey(key));
    }

    static List<Change> changesAt(RunSpec spec, int t) {
        return spec.changes().stream().filter(c -> c.at() == t).toList();
    }

    static boolean isPlateauAfterWarmup(ScheduleSpec s) {
        return s.name().equals("warmup") && ((ScheduleSpec) s.params().get("then")).name().equals("plateau");
    }
}
