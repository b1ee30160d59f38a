package io.downhill.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Three ways a landscape traps gradient descent: two valleys (the start decides, shown by a basin
 * map), a saddle point (plain descent stalls, momentum escapes) and a plateau (tiny gradients;
 * an adaptive method keeps moving).
 */
public record LandscapeTraps(String scenario, List<String> scenarios, int grid) implements WidgetSpec {
    /** What each trap runs: its function, where the runs start, for how long, and who races at which rate. */
    record Scenario(String label, String problem, double[] start, int maxSteps, Map<String, Double> lr) {}

    static final Map<String, Scenario> SCENARIOS = presets();
    static final List<String> NAMES = List.copyOf(SCENARIOS.keySet());

    private static Map<String, Scenario> presets() {
        Map<String, Scenario> m = new LinkedHashMap<>();
        m.put("valleys", new Scenario("Two valleys", "double-well-2d", new double[] {0.4, 1.6}, 300,
                ordered("sgd", 0.02, "momentum", 0.01, "adam", 0.05)));
        m.put("saddle", new Scenario("A saddle point", "saddle", new double[] {-1.8, 0.001}, 120,
                ordered("sgd", 0.05, "momentum", 0.05)));
        m.put("plateau", new Scenario("A plateau", "plateau-2d", new double[] {3.5, 3}, 300,
                ordered("sgd", 0.1, "adam", 0.05)));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, Double> ordered(Object... nameRate) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameRate.length; i += 2) {
            m.put((String) nameRate[i], (Double) nameRate[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public String type() {
        return "landscape-traps";
    }

    @Override
    public String problem() {
        return SCENARIOS.get(scenario).problem();
    }

    static final class Type implements WidgetType<LandscapeTraps> {
        @Override
        public String name() {
            return "landscape-traps";
        }

        @Override
        public Class<LandscapeTraps> specClass() {
            return LandscapeTraps.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(40);
        }

        @Override
        public LandscapeTraps read(Fields f) {
            List<String> scenarios = f.choices("scenarios", NAMES, NAMES, 1, NAMES.size());
            return new LandscapeTraps(
                    f.choice("scenario", scenarios.get(0), scenarios),
                    scenarios,
                    f.integer("grid", 30, 4, 60));
        }

        @Override
        public List<Control> controls(LandscapeTraps s, Shared shared) {
            List<Control> out = new ArrayList<>();
            if (s.scenarios().size() > 1) {
                List<Control.Option> options = s.scenarios().stream()
                        .map(name -> new Control.Option(name, SCENARIOS.get(name).label())).toList();
                out.add(Control.namedSelect("scenario", "Trap", options, s.scenario(), "scenario", "trap").resetting("start"));
            }
            List<double[]> axes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (String name : s.scenarios()) {
                    double[] b = EngineFacts.startBounds(SCENARIOS.get(name).problem(), i);
                    lo = Math.min(lo, b[0]);
                    hi = Math.max(hi, b[1]);
                }
                axes.add(new double[] {lo, hi});
            }
            out.add(Control.point("start", "Start", SCENARIOS.get(s.scenario()).start(), axes, "start", "start"));
            return out;
        }

        @Override
        public List<Map<String, Object>> runs(LandscapeTraps s, Shared shared, WidgetState state) {
            Scenario scenario = SCENARIOS.get(state.text("scenario", s.scenario()));
            List<Map<String, Object>> runs = new ArrayList<>();
            scenario.lr().forEach((name, lr) -> {
                Map<String, Object> optimizer = RunSpecs.named(name);
                optimizer.put("lr", lr);
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("problem", RunSpecs.named(scenario.problem()));
                run.put("start", RunSpecs.list(state.point("start", scenario.start())));
                run.put("optimizer", optimizer);
                run.put("stop", Map.of("max_steps", scenario.maxSteps()));
                run.put("changes", List.of());
                run.put("seed", 0);
                runs.add(run);
            });
            return runs;
        }
    }
}
