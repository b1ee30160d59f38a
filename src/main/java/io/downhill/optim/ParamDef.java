package io.downhill.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Definition of one spec parameter: the single source for validation ({@link #read}) and for the
 * catalog ({@link #info}). Values come out normalised: Double for numbers, Integer for integers,
 * Boolean, String for enums, an immutable List of two Doubles for pairs; schedules are read by the
 * parser itself. Public so that an optimizer's file can declare its own parameters.
 *
 * @param fixedReason why a mid-run change may not set it, or null when it may
 */
public record ParamDef(
        String name,
        String type,
        Object defaultValue,
        Range range,
        List<String> choices,
        boolean nullable,
        String description,
        String fixedReason) {

    public static ParamDef number(String name, double def, Range range, String description) {
        return new ParamDef(name, "number", def, range, null, false, description, null);
    }

    /** A number whose default is null, meaning "off". */
    public static ParamDef optionalNumber(String name, Range range, String description) {
        return new ParamDef(name, "number", null, range, null, true, description, null);
    }

    /** An integer; a null default means the parser fills one in from other values. */
    public static ParamDef integer(String name, Integer def, Range range, String description) {
        return new ParamDef(name, "integer", def, range, null, false, description, null);
    }

    public static ParamDef bool(String name, boolean def, String description) {
        return new ParamDef(name, "boolean", def, null, null, false, description, null);
    }

    public static ParamDef pair(String name, List<Double> def, Range eachRange, String description) {
        return new ParamDef(name, "pair", List.copyOf(def), eachRange, null, false, description, null);
    }

    public static ParamDef choice(String name, String def, List<String> choices, String description) {
        return new ParamDef(name, "enum", def, null, List.copyOf(choices), false, description, null);
    }

    public static ParamDef schedule(String name, String description) {
        return new ParamDef(name, "schedule", null, null, null, false, description, null);
    }

    /**
     * This parameter, refused in a mid-run change because of {@code why} (e.g. it only sets a
     * starting value); null-reason params may change.
     */
    public ParamDef fixedAtStart(String why) {
        return new ParamDef(name, type, defaultValue, range, choices, nullable, description, why);
    }

    /** What the value must be, e.g. "must be > 0 and <= 10". */
    String rule() {
        return switch (type) {
            case "number" -> "must be " + range.text() + (nullable ? ", or null for off" : "");
            case "integer" -> "must be an integer " + range.text();
            case "boolean" -> "must be true or false";
            case "pair" -> "must be a list of 2 numbers, each " + range.text();
            case "enum" -> "must be one of: " + String.join(", ", choices);
            default -> "must be a schedule object";
        };
    }

    /**
     * The normalised value of {@code raw}; null or absent gives the default.
     *
     * @throws SpecException naming {@code field} if the value is not allowed
     */
    Object read(Object raw, String field) {
        if (raw == null) {
            return defaultValue;
        }
        switch (type) {
            case "number" -> {
                Double d = JsonTree.finite(raw);
                if (d == null) {
                    throw new SpecException(field, "must be a finite number " + range.text());
                }
                if (!range.contains(d)) {
                    throw new SpecException(field, rule());
                }
                return d;
            }
            case "integer" -> {
                Long l = JsonTree.integral(raw);
                if (l == null || !range.contains(l)) {
                    throw new SpecException(field, rule());
                }
                return (int) (long) l;
            }
            case "boolean" -> {
                return JsonTree.bool(raw, field);
            }
            case "pair" -> {
                List<?> l = JsonTree.list(raw, field, rule());
                if (l.size() != 2) {
                    throw new SpecException(field, rule());
                }
                List<Double> out = new ArrayList<>(2);
                for (int i = 0; i < 2; i++) {
                    Double d = JsonTree.finite(l.get(i));
                    if (d == null || !range.contains(d)) {
                        throw new SpecException(field + "[" + i + "]", "must be a finite number " + range.text());
                    }
                    out.add(d);
                }
                return List.copyOf(out);
            }
            case "enum" -> {
                String s = JsonTree.string(raw, field, rule());
                if (!choices.contains(s)) {
                    throw new SpecException(field, rule());
                }
                return s;
            }
            default -> throw new IllegalStateException("schedule parameters are read by the parser");
        }
    }

    ParamInfo info() {
        Double min = range == null ? null : range.minOrNull();
        Double max = range == null ? null : range.maxOrNull();
        String allowed = type.equals("schedule") ? "" : " (" + rule() + ")";
        return new ParamInfo(name, type, defaultValue, min, max, choices, description + allowed);
    }
}
