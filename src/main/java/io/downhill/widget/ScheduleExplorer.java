package io.downhill.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learning-rate schedule next to a constant learning rate: the lr curve each follows and the
 * loss each reaches, on the same problem from the same start.
 */
public record ScheduleExplorer(String problem, int batchSize, String optimizer, double lr, String schedule,
                               List<String> schedules, int maxSteps) implements WidgetSpec.Stepped {
    /** Widget-level names; {@link #scheduleSpec} turns each into an engine schedule. */
    static final List<String> KINDS = List.of("constant", "step", "exponential", "cosine", "warmup", "warmup-cosine",
            "cosine-restarts", "reduce-on-plateau");
    /** Labels of the kinds that are not engine schedules of the same name. */
    public static final Map<String, String> OWN_LABELS =
            Map.of("warmup-cosine", "Warmup, then cosine", "reduce-on-plateau", "Reduce on plateau");
    static final List<String> PROBLEMS = List.of("linear-regression", "bowl", "ill-conditioned", "rosenbrock", "beale");
    static final double[] LR = {1e-4, 2};
    /** Data problems draw their samples from this seed, so both runs see the same batches. */
    static final int SEED = 1;

    @Override
    public String type() {
        return "schedule-explorer";
    }

    /** The engine's schedule for a widget-level kind and the values of its sliders. */
    static Map<String, Object> scheduleSpec(String kind, WidgetState state, List<Control> controls, int maxSteps) {
        java.util.function.ToIntFunction<String> whole = name -> (int) Math.round(state.number(name, defaultOf(controls, name)));
        java.util.function.ToDoubleFunction<String> real = name -> state.number(name, defaultOf(controls, name));
        Map<String, Object> s = new LinkedHashMap<>();
        switch (kind) {
            case "step" -> {
                s.put("name", "step");
                s.put("step_size", whole.applyAsInt("step_size"));
                s.put("gamma", real.applyAsDouble("gamma"));
            }
            case "exponential" -> {
                s.put("name", "exponential");
                s.put("gamma", real.applyAsDouble("gamma"));
            }
            case "cosine" -> {
                s.put("name", "cosine");
                s.put("T_max", whole.applyAsInt("T_max"));
                s.put("eta_min", 0);
            }
            case "warmup" -> {
                s.put("name", "linear");
                s.put("start_factor", 0.01);
                s.put("end_factor", 1);
                s.put("total_iters", whole.applyAsInt("warmup"));
            }
            case "warmup-cosine" -> {
                int warmup = whole.applyAsInt("warmup");
                Map<String, Object> then = new LinkedHashMap<>();
                then.put("name", "cosine");
                then.put("T_max", Math.max(1, maxSteps - warmup));
                then.put("eta_min", 0);
                s.put("name", "warmup");
                s.put("warmup_steps", warmup);
                s.put("start_factor", 0.01);
                s.put("then", then);
            }
            case "cosine-restarts" -> {
                s.put("name", "cosine-restarts");
                s.put("T_0", whole.applyAsInt("T_0"));
                s.put("T_mult", whole.applyAsInt("T_mult"));
                s.put("eta_min", 0);
            }
            case "reduce-on-plateau" -> {
                s.put("name", "plateau");
                s.put("factor", real.applyAsDouble("gamma"));
                s.put("patience", whole.applyAsInt("patience"));
            }
            default -> s.put("name", "constant");
        }
        return s;
    }

    private static double defaultOf(List<Control> controls, String name) {
        return controls.stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> ((Number) c.value()).doubleValue()).orElseThrow();
    }

    static final class Type implements WidgetType<ScheduleExplorer> {
        @Override
        public String name() {
            return "schedule-explorer";
        }

        @Override
        public Class<ScheduleExplorer> specClass() {
            return ScheduleExplorer.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(60);
        }

        @Override
        public ScheduleExplorer read(Fields f) {
            List<String> schedules = f.choices("schedules", KINDS, KINDS, 1, KINDS.size());
            return new ScheduleExplorer(
                    f.choice("problem", "linear-regression", PROBLEMS),
                    f.integer("batch_size", 8, 1, 200),
                    f.choice("optimizer", "sgd", EngineFacts.optimizers()),
                    f.number("lr", 0.1, 1e-5, 2),
                    f.choice("schedule", schedules.contains("warmup-cosine") ? "warmup-cosine" : schedules.get(0), schedules),
                    schedules,
                    f.integer("max_steps", 300, 10, 3000));
        }

        @Override
        public List<Control> controls(ScheduleExplorer s, Shared shared) {
            int n = s.maxSteps();
            List<Control> out = new ArrayList<>();
            if (s.schedules().size() > 1) {
                out.add(Control.select("schedule", "Schedule", s.schedules(), s.schedule(), "schedule", "schedule"));
            }
            out.add(Control.logSlider("lr", "Base learning rate", Control.within(LR, EngineFacts.engineRange(s.optimizer(), "lr"), s.lr()),
                    s.lr(), "optimizer.lr", "lr"));
            out.add(param("step_size", "step_size", new double[] {5, n}, 1, Math.max(5, n / 4), "step", "step_size", "step"));
            out.add(param("gamma", "γ (factor)", new double[] {0.05, 0.999}, 0.001, 0.5, "step", "gamma",
                    "step", "exponential", "reduce-on-plateau"));
            out.add(param("T_max", "T_max", new double[] {5, n}, 1, n, "cosine", "T_max", "cosine"));
            out.add(param("warmup", "Warmup steps", new double[] {1, n / 2}, 1, Math.max(1, n / 10), "linear", "total_iters",
                    "warmup", "warmup-cosine"));
            out.add(param("T_0", "T_0 (first cycle)", new double[] {5, n}, 1, Math.max(5, n / 6), "cosine-restarts", "T_0",
                    "cosine-restarts"));
            out.add(param("T_mult", "T_mult", new double[] {1, 3}, 1, 2, "cosine-restarts", "T_mult", "cosine-restarts"));
            out.add(param("patience", "patience", new double[] {0, 50}, 1, 10, "plateau", "patience", "reduce-on-plateau"));
            return out;
        }

        /** A schedule parameter's slider, shown only for the kinds that take it. */
        private static Control param(String name, String label, double[] widget, double step, double value,
                                     String engineSchedule, String engineParam, String... kinds) {
            Map<String, String> shownFor = new LinkedHashMap<>();
            for (String kind : kinds) {
                shownFor.put(kind, label);
            }
            double[] bounds = Control.within(widget, EngineFacts.scheduleRange(engineSchedule, engineParam), value);
            return Control.slider(name, label, bounds, step, value, "schedule." + name, name).labelledBy("schedule", shownFor);
        }

        @Override
        public List<Map<String, Object>> runs(ScheduleExplorer s, Shared shared, WidgetState state) {
            Map<String, Object> problem = RunSpecs.named(s.problem());
            if (s.problem().equals("linear-regression")) {
                problem.put("n", 200);
                problem.put("noise", 0.5);
                problem.put("batch_size", s.batchSize());
            }
            List<Control> controls = controls(s, shared);
            List<Map<String, Object>> runs = new ArrayList<>();
            for (Map<String, Object> schedule : List.of(
                    scheduleSpec(state.text("schedule", s.schedule()), state, controls, s.maxSteps()),
                    RunSpecs.named("constant"))) {
                Map<String, Object> optimizer = RunSpecs.named(s.optimizer());
                optimizer.put("lr", state.number("lr", s.lr()));
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("problem", problem);
                run.put("optimizer", optimizer);
                run.put("stop", Map.of("max_steps", s.maxSteps()));
                run.put("changes", List.of());
                run.put("seed", SEED);
                run.put("schedule", schedule);
                runs.add(run);
            }
            return runs;
        }
    }
}
