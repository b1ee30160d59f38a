package io.downhill.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: JSON-like spec trees and relative comparisons. */
final class Specs {
    private Specs() {}

    /** A mutable map from alternating keys and values, so tests can add or null out fields. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** {problem: {name}, start, optimizer, stop: {max_steps}}. */
    static Map<String, Object> spec(String problem, List<Object> start, Map<String, Object> optimizer, int maxSteps) {
        Map<String, Object> m = map("problem", map("name", problem), "optimizer", optimizer,
                "stop", map("max_steps", maxSteps));
        if (start != null) {
            m.put("start", start);
        }
        return m;
    }

    static RunResult run(Map<String, Object> json) {
        return Run.runAll(RunSpec.fromJson(json));
    }

    /** |actual − expected| ≤ 1e-12·|expected| + 1e-15: relative 1e-12, with a floor for zeros. */
    static void near(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(expected) + 1e-15));
    }

    static void near(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            near(actual[i], expected[i]);
        }
    }
}
