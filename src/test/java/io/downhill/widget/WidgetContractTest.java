package io.downhill.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Controls, states and runs: what the page renders and what the runs endpoint answers. */
class WidgetContractTest {

    /** A toy type added through the seam: one class, registered by name, nothing else touched. */
    record Toy(double lr, int maxSteps) implements WidgetSpec.Stepped {
        @Override
        public String type() {
            return "toy";
        }

        @Override
        public String problem() {
            return "quadratic";
        }
    }

    static final class ToyType implements WidgetType<Toy> {
        @Override
        public String name() {
            return "toy";
        }

        @Override
        public Class<Toy> specClass() {
            return Toy.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(10);
        }

        @Override
        public Toy read(Fields f) {
            return new Toy(f.number("lr", 0.1, 1e-3, 50), f.integer("max_steps", 20, 1, 100));
        }

        @Override
        public List<Control> controls(Toy s, Shared shared) {
            // the widget would allow up to 50; the engine's range for lr ends at 10
            return List.of(Control.logSlider("lr", "Learning rate",
                    Control.within(new double[] {1e-3, 50}, EngineFacts.engineRange("sgd", "lr"), s.lr()), s.lr(),
                    "optimizer.lr", "lr").forking());
        }

        @Override
        public List<Map<String, Object>> runs(Toy s, Shared shared, WidgetState state) {
            Map<String, Object> optimizer = RunSpecs.named("sgd");
            optimizer.put("lr", state.number("lr", s.lr()));
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("problem", RunSpecs.named("quadratic"));
            run.put("optimizer", optimizer);
            run.put("stop", Map.of("max_steps", s.maxSteps()));
            run.put("changes", RunSpecs.changes(state));
            return List.of(run);
        }
    }

    private static final Map<String, WidgetType<?>> WITH_TOY = WidgetTypes.byName(List.of(new ToyType()));

    @Test
    void aToyTypeAddedThroughTheSeamIsReadCheckedAndRun() {
        Widgets.Block b = Widgets.read(Map.of("type", "toy", "lr", 0.5, "caption", "Toy"), WITH_TOY);
        assertThat(b.shared()).isEqualTo(new Shared("Toy", 10, List.of(), null));
        Control lr = b.controls().get(0);
        assertThat(lr.min()).isEqualTo(1e-3);
        assertThat(lr.max()).isEqualTo(10.0);
        assertThat(lr.position(lr.max())).isEqualTo(1.0);
        assertThat(b.runs(Map.of("lr", 2.0, "forks", List.of(Map.of("at", 5, "optimizer.lr", 0.25)))))
                .isEqualTo(List.of(Map.of(
                        "problem", Map.of("name", "quadratic"),
                        "optimizer", Map.of("name", "sgd", "lr", 2.0),
                        "stop", Map.of("max_steps", 20),
                        "changes", List.of(Map.of("at", 5, "lr", 0.25)))));
        assertThatThrownBy(() -> b.runs(Map.of("lr", 20.0)))
                .isInstanceOf(WidgetException.class).hasMessage("must be a number from 0.001 to 10")
                .extracting(e -> ((WidgetException) e).key()).isEqualTo("state.lr");
        assertThatThrownBy(() -> Widgets.read(Map.of("type", "toy", "lr", 60), WITH_TOY))
                .hasMessage("'lr' must be from 0.001 to 50, not 60");
        assertThat(Widgets.TYPES).doesNotContain("toy");
    }

    @Test
    void theDefaultRunsAreTheSpecsThePagesBuiltBefore() {
        Widgets.Block d1 = Widgets.read(Map.of("type", "descent-1d", "problem", "double-well", "lr", 0.05, "start", 1.9));
        assertThat(d1.defaultRuns()).containsExactly(Map.of(
                "problem", Map.of("name", "double-well"),
                "start", List.of(1.9),
                "optimizer", Map.of("name", "sgd", "lr", 0.05),
                "stop", Map.of("max_steps", 150, "param_change", 1e-9),
                "changes", List.of(),
                "seed", 0));
        assertThat(d1.defaultRuns().get(0).keySet()).containsExactly("problem", "start", "optimizer", "stop", "changes", "seed");

        Widgets.Block d2 = Widgets.read(Map.of("type", "descent-2d", "problem", "rosenbrock", "optimizer", "momentum",
                "lr", 0.001, "start", List.of(-1.5, 2)));
        assertThat(d2.defaultRuns()).containsExactly(Map.of(
                "problem", Map.of("name", "rosenbrock"),
                "start", List.of(-1.5, 2.0),
                "optimizer", Map.of("name", "momentum", "lr", 0.001, "momentum", 0.9),
                "stop", Map.of("max_steps", 300),
                "changes", List.of(),
                "seed", 0));

        Widgets.Block adam = Widgets.read(Map.of("type", "descent-2d", "optimizer", "adam", "optimizers", List.of("adam")));
        assertThat(adam.defaultRuns().get(0).get("optimizer")).isEqualTo(Map.of("name", "adam", "lr", 0.05, "betas", List.of(0.9, 0.999)));

        Widgets.Block lrs = Widgets.read(Map.of("type", "lr-compare"));
        assertThat(lrs.defaultRuns()).hasSize(3);
        assertThat(lrs.defaultRuns().get(2)).isEqualTo(Map.of(
                "problem", Map.of("name", "bowl"),
                "start", List.of(3.0, 4.0),
                "optimizer", Map.of("name", "sgd", "lr", 0.5),
                "stop", Map.of("max_steps", 60),
                "changes", List.of(),
                "seed", 0));
    }

    @Test
    void aScheduleExplorerRunsItsScheduleBesideAConstantRate() {
        Widgets.Block b = Widgets.read(Map.of("type", "schedule-explorer", "schedule", "cosine", "batch_size", 8, "lr", 0.1));
        Map<String, Object> problem = Map.of("name", "linear-regression", "n", 200, "noise", 0.5, "batch_size", 8);
        Map<String, Object> optimizer = Map.of("name", "sgd", "lr", 0.1);
        assertThat(b.defaultRuns()).containsExactly(
                Map.of("problem", problem, "optimizer", optimizer, "stop", Map.of("max_steps", 300), "changes", List.of(), "seed", 1,
                        "schedule", Map.of("name", "cosine", "T_max", 300, "eta_min", 0)),
                Map.of("problem", problem, "optimizer", optimizer, "stop", Map.of("max_steps", 300), "changes", List.of(), "seed", 1,
                        "schedule", Map.of("name", "constant")));
        assertThat(b.runs(Map.of("schedule", "warmup-cosine", "warmup", 40)).get(0).get("schedule")).isEqualTo(Map.of(
                "name", "warmup", "warmup_steps", 40, "start_factor", 0.01, "then", Map.of("name", "cosine", "T_max", 260, "eta_min", 0)));
        assertThat(b.runs(Map.of("schedule", "reduce-on-plateau", "gamma", 0.3)).get(0).get("schedule")).isEqualTo(Map.of(
                "name", "plateau", "factor", 0.3, "patience", 10));
        Control patience = b.controls().stream().filter(c -> c.name().equals("patience")).findFirst().orElseThrow();
        assertThat(patience.dependsOn()).isEqualTo("schedule");
        assertThat(patience.labels()).containsOnlyKeys("reduce-on-plateau");
        assertThatThrownBy(() -> b.runs(Map.of("T_mult", 4))).hasMessage("must be a number from 1 to 3");
    }

    @Test
    void eachTrapRunsItsOwnFunctionStartAndRacers() {
        Widgets.Block b = Widgets.read(Map.of("type", "landscape-traps"));
        assertThat(b.defaultRuns()).extracting(r -> r.get("optimizer")).containsExactly(
                Map.of("name", "sgd", "lr", 0.02), Map.of("name", "momentum", "lr", 0.01), Map.of("name", "adam", "lr", 0.05));
        assertThat(b.defaultRuns().get(0)).containsEntry("problem", Map.of("name", "double-well-2d"))
                .containsEntry("start", List.of(0.4, 1.6)).containsEntry("stop", Map.of("max_steps", 300));
        List<Map<String, Object>> saddle = b.runs(Map.of("scenario", "saddle"));
        assertThat(saddle).extracting(r -> r.get("optimizer")).containsExactly(
                Map.of("name", "sgd", "lr", 0.05), Map.of("name", "momentum", "lr", 0.05));
        assertThat(saddle.get(1)).containsEntry("start", List.of(-1.8, 0.001)).containsEntry("stop", Map.of("max_steps", 120));
        assertThat(b.runs(Map.of("scenario", "plateau", "start", List.of(2, 2))).get(1))
                .containsEntry("problem", Map.of("name", "plateau-2d")).containsEntry("start", List.of(2.0, 2.0));
        assertThat(b.controls().get(0).options()).extracting(Control.Option::label)
                .containsExactly("Two valleys", "A saddle point", "A plateau");
    }

    @Test
    void controlsCarryTheIntersectedBoundsTheScaleAndThePath() {
        Widgets.Block b = Widgets.read(Map.of("type", "descent-2d", "controls", List.of("problem", "optimizer", "lr", "momentum", "start")));
        Map<String, Control> byName = new LinkedHashMap<>();
        b.controls().forEach(c -> byName.put(c.name(), c));
        assertThat(byName.keySet()).containsExactly("problem", "optimizer", "lr", "momentum", "start");
        Control lr = byName.get("lr");
        assertThat(List.of(lr.min(), lr.max(), lr.step())).containsExactly(1e-4, 2.0, 0.01);
        assertThat(lr.scale()).isEqualTo("log");
        assertThat(lr.path()).isEqualTo("optimizer.lr");
        assertThat(lr.live()).isTrue();
        Control momentum = byName.get("momentum");
        assertThat(List.of(momentum.min(), momentum.max())).containsExactly(0.0, 0.99);
        assertThat(momentum.hash()).isEqualTo("mom");
        assertThat(momentum.labels()).containsEntry("adam", "Momentum β₁");
        assertThat(byName.get("problem").resets()).containsExactly("start");
        assertThat(byName.get("optimizer").options().get(0)).isEqualTo(new Control.Option("sgd", "SGD"));
        assertThat(byName.get("start").kind()).isEqualTo("point");
    }

    @Test
    void aLogSliderMovesTheValueWithEveryArrowPress() {
        // a value read at three significant digits moves with each 0.01 step in log10, over the whole range
        Control lr = Widgets.read(Map.of("type", "descent-2d")).controls().stream().filter(c -> c.name().equals("lr")).findFirst().orElseThrow();
        String previous = null;
        for (double p = lr.position(lr.min()); p <= lr.position(lr.max()); p += lr.step()) {
            String shown = new java.math.BigDecimal(Math.pow(10, p)).round(new java.math.MathContext(3)).toString();
            assertThat(shown).as("at 10^" + p).isNotEqualTo(previous);
            previous = shown;
        }
    }

    @Test
    void aStateIsCheckedFieldByField() {
        Widgets.Block b = Widgets.read(Map.of("type", "descent-2d", "controls", List.of("problem", "optimizer", "lr", "momentum", "start")));
        assertThat(b.runs(Map.of("problem", "beale")).get(0).get("start"))
                .isEqualTo(RunSpecs.list(EngineFacts.problem("beale").defaultStart())).isEqualTo(List.of(1.0, 1.5));
        assertThat(b.runs(Map.of("optimizer", "adam", "momentum", 0.5, "forks", List.of(Map.of("at", 3, "optimizer.momentum", 0.7))))
                .get(0).get("changes")).isEqualTo(List.of(Map.of("at", 3, "betas", List.of(0.7, 0.999))));
        assertThat(b.runs(Map.of("forks", List.of(Map.of("at", 3, "optimizer.momentum", 0.7)))).get(0).get("changes"))
                .isEqualTo(List.of());
        record Bad(Map<String, Object> state, String field) {}
        for (Bad bad : List.of(
                new Bad(Map.of("lr", 0.0), "state.lr"),
                new Bad(Map.of("lr", "fast"), "state.lr"),
                new Bad(Map.of("speed", 3), "state.speed"),
                new Bad(Map.of("optimizer", "lbfgs"), "state.optimizer"),
                new Bad(Map.of("start", List.of(1, 2, 3)), "state.start"),
                new Bad(Map.of("start", List.of(1, 1e9)), "state.start[1]"),
                new Bad(Map.of("forks", "x"), "state.forks"),
                new Bad(Map.of("forks", List.of(Map.of("at", 0, "optimizer.lr", 0.1))), "state.forks[0].at"),
                new Bad(Map.of("forks", List.of(Map.of("at", 301, "optimizer.lr", 0.1))), "state.forks[0].at"),
                new Bad(Map.of("forks", List.of(Map.of("at", 9, "optimizer.lr", 0.1), Map.of("at", 8, "optimizer.lr", 0.2))), "state.forks[1].at"),
                new Bad(Map.of("forks", List.of(Map.of("at", 9, "start", List.of(1, 1)))), "state.forks[0].start"),
                new Bad(Map.of("forks", List.of(Map.of("at", 9, "optimizer.lr", 99.0))), "state.forks[0].optimizer.lr"))) {
            assertThatThrownBy(() -> b.runs(bad.state())).as(bad.state().toString())
                    .isInstanceOf(WidgetException.class)
                    .extracting(e -> ((WidgetException) e).key()).isEqualTo(bad.field());
        }
    }
}
