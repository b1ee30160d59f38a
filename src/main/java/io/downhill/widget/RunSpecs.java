package io.downhill.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pieces of run specs (the run API's JSON) that several widget types build alike. */
final class RunSpecs {
    private RunSpecs() {}

    static Map<String, Object> named(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        return m;
    }

    /** The run's changes: each fork of an {@code optimizer.*} path becomes {@code {at, param: value}}. */
    static List<Map<String, Object>> changes(WidgetState state, java.util.function.BiConsumer<String, Map<String, Object>> adjust) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WidgetState.Fork fork : state.forks()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("at", fork.at());
            fork.set().forEach((path, value) -> change.put(path.substring(path.lastIndexOf('.') + 1), value));
            adjust.accept("", change);
            if (change.size() > 1) {
                out.add(change);
            }
        }
        return out;
    }

    static List<Map<String, Object>> changes(WidgetState state) {
        return changes(state, (k, m) -> {});
    }

    static List<Double> list(double... values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    /** A plain run: no mid-run changes, seed 0, stopped after {@code maxSteps}. */
    static Map<String, Object> run(Object problem, List<Double> start, Map<String, Object> optimizer, int maxSteps) {
        Map<String, Object> run = new java.util.LinkedHashMap<>();
        run.put("problem", problem);
        run.put("start", start);
        run.put("optimizer", optimizer);
        run.put("stop", Map.of("max_steps", maxSteps));
        run.put("changes", List.of());
        run.put("seed", 0);
        return run;
    }
}
