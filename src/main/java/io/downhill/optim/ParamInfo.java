package io.downhill.optim;

import java.util.List;

/**
 * One tunable value of a problem, optimizer or schedule, as the catalog endpoints describe it.
 *
 * @param type {@code "number"}, {@code "integer"}, {@code "boolean"}, {@code "pair"}, {@code "enum"}
 *     or {@code "schedule"}
 * @param defaultValue the value used when the spec leaves it out; null when the default depends on
 *     other values (the description then says which) or when null means "off"
 * @param min inclusive or exclusive lower bound (the description says which), null if none
 * @param max upper bound, null if none
 * @param choices allowed values of an enum, otherwise null
 */
public record ParamInfo(
        String name,
        String type,
        Object defaultValue,
        Double min,
        Double max,
        List<String> choices,
        String description) {}
