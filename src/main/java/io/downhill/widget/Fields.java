package io.downhill.widget;

import io.downhill.text.Suggest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, bounded reads of a widget block's YAML keys. Every read marks its key as known, so the
 * leftovers are the unknown keys an author misspelt.
 */
final class Fields {
    private final Map<String, Object> values;
    private final Set<String> known = new HashSet<>();
    /** The bounds of every single number read, by key: what a test probes just inside and outside. */
    private final Map<String, double[]> bounds = new java.util.LinkedHashMap<>();

    Fields(Map<String, Object> values) {
        this.values = values;
    }

    boolean has(String key) {
        known.add(key);
        return values.get(key) != null;
    }

    String text(String key, String fallback, int maxLength) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map || v instanceof List) {
            throw new WidgetException(key, "'" + key + "' must be a text");
        }
        String s = String.valueOf(v).strip();
        if (s.length() > maxLength) {
            throw new WidgetException(key, "'" + key + "' must be at most " + maxLength + " characters");
        }
        return s;
    }

    String choice(String key, String fallback, Collection<String> allowed) {
        String s = text(key, fallback, 100);
        if (!allowed.contains(s)) {
            throw new WidgetException(key, "'" + key + "' must be one of " + String.join(", ", allowed)
                    + ", not '" + s + "'" + hint(s, allowed));
        }
        return s;
    }

    List<String> choices(String key, List<String> fallback, Collection<String> allowed, int min, int max) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        List<?> raw = v instanceof List<?> l ? l : List.of(v);
        if (raw.size() < min || raw.size() > max) {
            throw new WidgetException(key, "'" + key + "' must list " + (min == max ? min : min + " to " + max) + " values");
        }
        List<String> out = new ArrayList<>();
        for (Object item : raw) {
            String s = String.valueOf(item).strip();
            if (!allowed.contains(s)) {
                throw new WidgetException(key, "'" + key + "' has '" + s + "'; allowed: " + String.join(", ", allowed) + hint(s, allowed));
            }
            if (out.contains(s)) {
                throw new WidgetException(key, "'" + key + "' lists '" + s + "' twice");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    double number(String key, double fallback, double min, double max) {
        known.add(key);
        bounds.put(key, new double[] {min, max});
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        return checkNumber(key, v, min, max);
    }

    int integer(String key, int fallback, int min, int max) {
        known.add(key);
        bounds.put(key, new double[] {min, max});
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new WidgetException(key, "'" + key + "' must be a whole number from " + min + " to " + max);
        }
        long n = ((Number) v).longValue();
        if (n < min || n > max) {
            throw new WidgetException(key, "'" + key + "' must be from " + min + " to " + max + ", not " + n);
        }
        return (int) n;
    }

    double[] numbers(String key, double[] fallback, int length, double min, double max) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof List<?> list) || list.size() != length) {
            throw new WidgetException(key, "'" + key + "' must be a list of " + length + " numbers, e.g. [1.5, -2]");
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = checkNumber(key, list.get(i), min, max);
        }
        return out;
    }

    List<Double> numberList(String key, List<Double> fallback, int minCount, int maxCount, double min, double max) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof List<?> list) || list.size() < minCount || list.size() > maxCount) {
            throw new WidgetException(key, "'" + key + "' must be a list of " + minCount + " to " + maxCount + " numbers");
        }
        List<Double> out = new ArrayList<>();
        for (Object item : list) {
            out.add(checkNumber(key, item, min, max));
        }
        return List.copyOf(out);
    }

    /**
     * A learning rate per optimizer: one number for all, or a map such as {sgd: 0.01, adam: 0.05};
     * optimizers the block does not name get their default.
     */
    java.util.Map<String, Double> lrPerOptimizer(String key, List<String> optimizers, java.util.Map<String, Double> defaults) {
        known.add(key);
        Object raw = values.get(key);
        java.util.Map<String, Double> lr = new java.util.LinkedHashMap<>();
        if (raw instanceof Number) {
            double all = checkNumber(key, raw, 1e-5, 2);
            optimizers.forEach(name -> lr.put(name, all));
        } else if (raw instanceof java.util.Map<?, ?> given) {
            for (var e : given.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (!optimizers.contains(name)) {
                    throw new WidgetException(key, "'" + key + "' names '" + name + "', which is not in 'optimizers'");
                }
                try {
                    lr.put(name, checkNumber(key, e.getValue(), 1e-5, 2));
                } catch (WidgetException bad) {
                    // name the optimizer: a race has several rates and the author must know which is wrong
                    throw new WidgetException(key, "'" + key + "' of " + name
                            + bad.getMessage().substring(key.length() + 2));
                }
            }
        } else if (raw != null) {
            throw new WidgetException(key, "'" + key + "' must be a number or a map such as {sgd: 0.01, adam: 0.05}");
        }
        for (String name : optimizers) {
            if (!lr.containsKey(name) && defaults.get(name) == null) {
                throw new WidgetException(key, "'" + key + "' needs a rate for " + name
                        + ", which has no default; e.g. " + key + ": {" + name + ": 0.01}");
            }
            lr.putIfAbsent(name, defaults.get(name));
        }
        return java.util.Map.copyOf(lr);
    }

    /** A yes/no key: true or false, nothing else. */
    boolean flag(String key, boolean fallback) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new WidgetException(key, "'" + key + "' must be true or false");
        }
        return b;
    }

    Set<String> known() {
        return Set.copyOf(known);
    }

    Map<String, double[]> bounds() {
        return Map.copyOf(bounds);
    }

    Object raw(String key) {
        known.add(key);
        return values.get(key);
    }

    /** Throws for the first key nobody asked for. */
    void rejectUnknown(String type) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new WidgetException(key, "unknown key '" + key + "' for a " + type + " widget" + hint(key, known)
                        + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static double checkNumber(String key, Object v, double min, double max) {
        if (!(v instanceof Number n)) {
            throw new WidgetException(key, "'" + key + "' must be a number from " + fmt(min) + " to " + fmt(max));
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            throw new WidgetException(key, "'" + key + "' must be from " + fmt(min) + " to " + fmt(max) + ", not " + fmt(d));
        }
        return d;
    }

    /** 0.00001 rather than 1.0E-5: authors read these numbers in error messages. */
    static String fmt(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String hint(String word, Collection<String> candidates) {
        return Suggest.didYouMean(word, candidates);
    }
}
