package io.downhill.optim.optimizers;

import java.util.List;
import java.util.Map;

/**
 * An optimizer's validated hyper-parameters under torch's names, every default filled in: Double
 * for numbers, Boolean for flags, a List of two Doubles for pairs such as {@code betas}, null for
 * an optional value that is off. A view, not a copy: a run keeps one map and changes it mid-run.
 */
public record HyperParams(Map<String, Object> values) {
    public double number(String key) {
        return (Double) values.get(key);
    }

    public boolean flag(String key) {
        return (Boolean) values.get(key);
    }

    @SuppressWarnings("unchecked")
    public List<Double> pair(String key) {
        return (List<Double>) values.get(key);
    }
}
