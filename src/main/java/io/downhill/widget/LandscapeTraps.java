package io.downhill.widget;

import java.util.List;

/**
 * Three ways a landscape traps gradient descent: two valleys (the start decides, shown by a basin
 * map), a saddle point (plain descent stalls, momentum escapes) and a plateau (tiny gradients;
 * an adaptive method keeps moving).
 */
public record LandscapeTraps(String scenario, List<String> scenarios, int grid)
        implements WidgetSpec {
    static final List<String> SCENARIOS = List.of("valleys", "saddle", "plateau");

    @Override
    public String type() {
        return "landscape-traps";
    }

    @Override
    public String problem() {
        return switch (scenario) {
            case "saddle" -> "saddle";
            case "plateau" -> "plateau-2d";
            default -> "double-well-2d";
        };
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
            List<String> scenarios = f.choices("scenarios", SCENARIOS, SCENARIOS, 1, SCENARIOS.size());
            return new LandscapeTraps(
                    f.choice("scenario", scenarios.get(0), scenarios),
                    scenarios,
                    f.integer("grid", 30, 4, 60));
        }
    }
}
