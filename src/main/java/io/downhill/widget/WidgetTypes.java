package io.downhill.widget;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every widget type, one line each. A lesson names one after {@code type:}. */
public final class WidgetTypes {
    static final List<WidgetType<?>> ALL = List.of(
            new Descent1d.Type(),
            new Descent2d.Type(),
            new LrCompare.Type(),
            new OptimizerRace.Type(),
            new ScheduleExplorer.Type(),
            new StoppingRules.Type(),
            new BatchNoise.Type(),
            new CustomFunction.Type(),
            new GradientLab.Type(),
            new LandscapeTraps.Type(),
            new DeepGradients.Type(),
            new RateMap.Type());

    private WidgetTypes() {}

    /** The registry as a map by name: the built-in types, plus any a caller adds (a test's toy type). */
    static Map<String, WidgetType<?>> byName(List<WidgetType<?>> extra) {
        return java.util.stream.Stream.concat(ALL.stream(), extra.stream())
                .collect(Collectors.toMap(WidgetType::name, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two widget types are named " + a.name());
                }, java.util.LinkedHashMap::new));
    }

    public static List<String> names() {
        return ALL.stream().map(WidgetType::name).toList();
    }
}
