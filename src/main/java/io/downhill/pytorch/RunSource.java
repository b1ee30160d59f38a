package io.downhill.pytorch;

import io.downhill.optim.Change;
import io.downhill.optim.RunResult;
import io.downhill.optim.RunSpec;
import io.downhill.optim.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run as a Python function: set-up, the update loop in the engine's order, and a print. */
final class RunSource {
    private RunSource() {}

    static String source(String name, RunSpec spec, RunResult result) {
        String expected = PyTorchScript.expected(result);
        int updates = result.status().steps();
        ScheduleSpec schedule = spec.schedule();
        String sched = TorchNames.schedule(schedule);
        boolean plateau = schedule.name().equals("plateau");
        boolean warmPlateau = PyTorchScript.isPlateauAfterWarmup(schedule);
        boolean clip = spec.optimizer().params().get("clip_grad_norm") != null || PyTorchScript.hasChange(spec, "clip_grad_norm");
        boolean minibatch = minibatch(spec);
        List<String> caveats = caveats(spec, minibatch);

        StringBuilder s = new StringBuilder();
        s.append("# ").append(name).append(": ").append(TorchNames.optimizerClass(spec.optimizer()))
                .append(" (Downhill's ").append(spec.optimizer().name()).append(") from ")
                .append(PyFormat.g6List(spec.start())).append(".\n");
        s.append("# Downhill's engine ").append(PyTorchScript.ending(spec, result.status())).append(", ending with:\n");
        s.append("#   ").append(name).append(": ").append(expected).append("\n");
        for (String c : caveats) {
            s.append("# Not exact in torch: ").append(c).append("\n");
        }
        s.append("def ").append(name).append("():\n");
        s.append("    torch.manual_seed(").append(spec.seed()).append(")\n");
        s.append("    p = torch.tensor(").append(list(spec.start())).append(", requires_grad=True)\n");
        s.append("    opt = ").append(TorchNames.optimizer(spec.optimizer())).append("\n");
        if (warmPlateau) {
            s.append("    warm = ").append(TorchNames.warmupPart(schedule)).append("\n");
            s.append("    sched = ").append(TorchNames.schedule((ScheduleSpec) schedule.params().get("then"))).append("\n");
        } else if (sched != null) {
            s.append("    sched = ").append(sched).append("\n");
        }
        if (clip) {
            s.append("    max_norm = ").append(PyFormat.literal(spec.optimizer().params().get("clip_grad_norm")))
                    .append("  # torch.nn.utils.clip_grad_norm_ before each step; None = off\n");
        }
        if (minibatch) {
            s.append("    batches = minibatches(").append(spec.problem().params().get("batch_size"))
                    .append(", torch.Generator().manual_seed(").append(spec.seed()).append("))\n");
        }
        s.append("    for t in range(").append(updates).append("):\n");
        s.append("        loss = f(p)\n");
        if (plateau) {
            s.append("        if t >= 1:\n            sched.step(loss.item())  # ReduceLROnPlateau watches the full loss\n");
        }
        if (warmPlateau) {
            int w = (Integer) schedule.params().get("warmup_steps");
            s.append("        if t - ").append(w).append(" >= 1:\n            sched.step(loss.item())  # after the warmup\n");
        }
        appendChanges(s, spec);
        s.append("        opt.zero_grad()\n");
        s.append(gradient(spec, minibatch));
        if (clip) {
            s.append("        if max_norm is not None:\n            torch.nn.utils.clip_grad_norm_([p], max_norm)\n");
        }
        s.append("        opt.step()\n");
        if (warmPlateau) {
            s.append("        if t < ").append(schedule.params().get("warmup_steps")).append(":\n            warm.step()\n");
        } else if (sched != null && !plateau) {
            s.append("        sched.step()\n");
        }
        s.append("    with torch.no_grad():\n");
        s.append("        print(f\"").append(name).append(": loss {f(p).item():.6g} params [{', '.join(f'{v:.6g}' for v in p.tolist())}]\")\n");
        return s.toString();
    }

    static boolean minibatch(RunSpec spec) {
        return spec.problem().params().get("batch_size") instanceof Integer b
                && b < (Integer) spec.problem().params().get("n");
    }

    private static List<String> caveats(RunSpec spec, boolean minibatch) {
        List<String> out = new ArrayList<>();
        if (minibatch) {
            out.add("torch draws its own mini-batches (torch.randperm), not Downhill's, so the path differs"
                    + " after the first update; compare the loss's size, not its digits.");
        }
        if (spec.schedule().name().equals("warmup") && PyTorchScript.hasChange(spec, "lr")) {
            out.add("a mid-run lr change inside a warmup schedule is approximated by scaling the current lr.");
        }
        return out;
    }

    private static String gradient(RunSpec spec, boolean minibatch) {
        String objective = minibatch ? "lambda q, idx=next(batches): batch_loss(q, idx)" : "f";
        return switch (spec.gradient().method()) {
            case "forward" -> "        p.grad = forward_difference(" + objective + ", p, " + PyFormat.literal(spec.gradient().h()) + ")\n";
            case "central" -> "        p.grad = central_difference(" + objective + ", p, " + PyFormat.literal(spec.gradient().h()) + ")\n";
            default -> minibatch ? "        batch_loss(p, next(batches)).backward()\n" : "        loss.backward()\n";
        };
    }

    private static void appendChanges(StringBuilder s, RunSpec spec) {
        List<Integer> ats = spec.changes().stream().map(Change::at).distinct().toList();
        for (int at : ats) {
            s.append("        if t == ").append(at).append(":  # a change made mid-run\n");
            for (Change c : PyTorchScript.changesAt(spec, at)) {
                for (Map.Entry<String, Object> e : c.values().entrySet()) {
                    s.append(change(spec.schedule(), e.getKey(), e.getValue()));
                }
            }
        }
    }

    private static String change(ScheduleSpec schedule, String key, Object value) {
        String v = PyFormat.literal(value);
        if (key.equals("clip_grad_norm")) {
            return "            max_norm = " + v + "\n";
        }
        if (!key.equals("lr")) {
            return "            opt.param_groups[0][\"" + key + "\"] = " + v + "\n";
        }
        return switch (schedule.name()) {
            case "constant", "plateau" -> "            opt.param_groups[0][\"lr\"] = " + v + "\n";
            case "cosine-restarts" -> "            sched.base_lrs = [" + v + "]\n"
                    + "            opt.param_groups[0][\"lr\"] = sched.eta_min + (" + v
                    + " - sched.eta_min) * (1 + math.cos(math.pi * sched.T_cur / sched.T_i)) / 2\n";
            case "warmup" -> "            opt.param_groups[0][\"lr\"] *= " + v + " / opt.param_groups[0][\"initial_lr\"]\n"
                    + "            opt.param_groups[0][\"initial_lr\"] = " + v + "\n";
            default -> "            sched.base_lrs = [" + v + "]  # same formula, new base lr\n"
                    + "            opt.param_groups[0][\"lr\"] = sched._get_closed_form_lr()[0]\n";
        };
    }

    private static String list(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(PyFormat.literal(values[i]));
        }
        return b.append("]").toString();
    }
}
