package io.downhill.widget;

import java.util.List;

/**
 * A learning-rate schedule next to a constant learning rate: the lr curve each follows and the
 * loss each reaches, on the same problem from the same start.
 */
public record ScheduleExplorer(String problem, int batchSize, String optimizer, double lr, String schedule,
                               List<String> schedules, int maxSteps) implements WidgetSpec.Stepped {
    /** Widget-level names; the script turns each into an engine schedule spec. */
    static final List<String> KINDS = List.of("constant", "step", "exponential", "cosine", "warmup", "warmup-cosine",
            "cosine-restarts", "reduce-on-plateau");
    static final List<String> PROBLEMS = List.of("linear-regression", "bowl", "ill-conditioned", "rosenbrock", "beale");

    @Override
    public String type() {
        return "schedule-explorer";
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
                    f.choice("optimizer", "sgd", Catalogs.optimizers()),
                    f.number("lr", 0.1, 1e-5, 2),
                    f.choice("schedule", schedules.contains("warmup-cosine") ? "warmup-cosine" : schedules.get(0), schedules),
                    schedules,
                    f.integer("max_steps", 300, 10, 3000));
        }
    }
}
