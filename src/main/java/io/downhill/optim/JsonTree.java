package io.downhill.optim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Strict readers for the JSON-like tree Jackson's {@code convertValue(node, Map.class)} produces:
 * Map, List, Number (any subclass), String, Boolean, null. Every failure names the field.
 */
final class JsonTree {
    private JsonTree() {}

    static String path(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object v, String field) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new SpecException(field, "must be an object");
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw new SpecException(field, "must be an object with string keys");
            }
        }
        return (Map<String, Object>) m;
    }

    /** Rejects the first key (in the map's order) that is not allowed. */
    static void allowOnly(Map<String, Object> m, Collection<String> allowed, String prefix) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new SpecException(path(prefix, k), "unknown field; allowed: " + String.join(", ", allowed));
            }
        }
    }

    static List<?> list(Object v, String field, String detail) {
        if (!(v instanceof List<?> l)) {
            throw new SpecException(field, detail);
        }
        return l;
    }

    static String string(Object v, String field, String detail) {
        if (!(v instanceof String s)) {
            throw new SpecException(field, detail);
        }
        return s;
    }

    static boolean bool(Object v, String field) {
        if (!(v instanceof Boolean b)) {
            throw new SpecException(field, "must be true or false");
        }
        return b;
    }

    /** A finite double, or null when {@code v} is not a finite number. */
    static Double finite(Object v) {
        if (!(v instanceof Number n)) {
            return null;
        }
        double d = n.doubleValue(); // BigDecimal/BigInteger beyond double range become ±Infinity
        return Double.isFinite(d) ? d : null;
    }

    /** An exact integral value, or null when {@code v} is not an integer that fits in a long. */
    static Long integral(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : null;
        }
        if (v instanceof BigDecimal b) {
            try {
                return b.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p63 ? (long) d : null;
        }
        return null;
    }
}
