package io.downhill.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated {@code schedule} part of a spec with defaults filled in (e.g. cosine's
 * {@code T_max} = stop.max_steps when not given). For warmup, {@code params.get("then")} is the
 * inner ScheduleSpec.
 */
public record ScheduleSpec(String name, Map<String, Object> params) {
    public static final ScheduleSpec CONSTANT = new ScheduleSpec("constant", Map.of());

    public ScheduleSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    double number(String key) {
        return (Double) params.get(key);
    }

    int integer(String key) {
        return (Integer) params.get(key);
    }
}
