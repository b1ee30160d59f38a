package io.downhill.optim;

import java.math.BigDecimal;

/** Allowed interval of a numeric parameter; either end may be open or infinite. */
public record Range(double min, boolean minOpen, double max, boolean maxOpen) {
    public static Range closed(double min, double max) {
        return new Range(min, false, max, false);
    }

    /** (min, max] */
    public static Range aboveUpTo(double min, double max) {
        return new Range(min, true, max, false);
    }

    /** [min, max) */
    public static Range fromBelow(double min, double max) {
        return new Range(min, false, max, true);
    }

    /** (min, max) */
    public static Range open(double min, double max) {
        return new Range(min, true, max, true);
    }

    boolean contains(double v) {
        boolean lo = minOpen ? v > min : v >= min;
        boolean hi = maxOpen ? v < max : v <= max;
        return lo && hi;
    }

    /** "> 0 and <= 10", the phrase error messages and descriptions use. */
    String text() {
        String lo = Double.isInfinite(min) ? null : (minOpen ? "> " : ">= ") + format(min);
        String hi = Double.isInfinite(max) ? null : (maxOpen ? "< " : "<= ") + format(max);
        if (lo == null) {
            return hi == null ? "any value" : hi;
        }
        return hi == null ? lo : lo + " and " + hi;
    }

    Double minOrNull() {
        return Double.isInfinite(min) ? null : min;
    }

    Double maxOrNull() {
        return Double.isInfinite(max) ? null : max;
    }

    /** 10 → "10", 0.001 → "0.001", 1e-15 → "1e-15". */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toString().replace("E", "e").replace("e+", "e");
    }
}
