package io.downhill.widget;

import java.util.List;
import java.util.Map;

/**
 * A learning-rate schedule next to a constant learning rate: the lr curve each follows and the
 * loss each reaches, on the same problem from the same start.
 */
public record ScheduleExplorer(String problem, int batchSize, String optimizer, double lr, String schedule,
                               List<String> schedules, int maxSteps, int speed, String caption) implements WidgetSpec {
    /** Widget-level names; the script turns each into an engine schedule spec. */
    static final List<String> KINDS = List.of("constant", "step", "exponential", "cosine", "warmup", "warmup-cosine",
            "cosine-restarts", "reduce-on-plateau");
    /** Labels of the kinds that are not engine schedules of the same name. */
    public static final Map<String, String> OWN_LABELS =
            Map.of("warmup-cosine", "Warmup, then cosine", "reduce-on-plateau", "Reduce on plateau");
    static final List<String> PROBLEMS = List.of("linear-regression", "bowl", "ill-conditioned", "rosenbrock", "beale");

    @Override
    public String type() {
        return "schedule-explorer";
    }

    static ScheduleExplorer from(Fields f) {
        List<String> schedules = f.choices("schedules", KINDS, KINDS, 1, KINDS.size());
        return new ScheduleExplorer(
                f.choice("problem", "linear-regression", PROBLEMS),
                f.integer("batch_size", 8, 1, 200),
                f.choice("optimizer", "sgd", Catalogs.optimizers()),
                f.number("lr", 0.1, 1e-5, 2),
                f.choice("schedule", schedules.contains("warmup-cosine") ? "warmup-cosine" : schedules.get(0), schedules),
                schedules,
                f.integer("max_steps", 300, 10, 3000),
                f.integer("speed", 60, 1, 240),
                f.text("caption", "", 500));
    }
}
