package io.downhill.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mid-run change of optimizer hyper-parameters (and/or {@code lr}), applied from the update
 * {@code at → at+1} on, so Step {@code at} already reports it. Optimizer state is kept.
 */
public record Change(int at, Map<String, Object> values) {
    public Change {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
