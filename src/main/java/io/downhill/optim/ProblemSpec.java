package io.downhill.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated {@code problem} part of a spec: its name ("expression" for a custom function, whose
 * text, dimension and range are its params) and every parameter with defaults filled
 * in (Double for numbers, Integer for integers, e.g. {@code batch_size} = n when not given).
 */
public record ProblemSpec(String name, Map<String, Object> params) {
    public ProblemSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Reads and checks a {@code problem} object on its own, as a run spec would (errors name
     * {@code problem.…}): a catalogue name with its parameters, or an {@code expression}.
     */
    public static ProblemSpec fromJson(Object node) {
        return SpecParser.problem(node);
    }

    /** The function itself; a data problem's dataset is drawn from {@code seed}. */
    public io.downhill.optim.problems.Problem create(long seed) {
        return Problems.create(this, seed);
    }

    double number(String key) {
        return (Double) params.get(key);
    }

    int integer(String key) {
        return (Integer) params.get(key);
    }
}
