package io.downhill.web.api;

import io.downhill.web.ApiProblem;
import io.downhill.web.RequestJson;
import java.util.List;

/** Query parameters read strictly: a bad one is a 400 naming it and its allowed range. */
final class Params {
    private Params() {}

    static int integer(String value, String field, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(field, "must be a whole number from " + min + " to " + max);
        }
    }

    /** A finite number from min to max ({@code openMin}: above min); absent gives the fallback, or NaN: required. */
    static double number(String value, String field, double fallback, double min, double max, boolean openMin) {
        String rule = "must be a number " + (openMin ? "> " : "from ") + plain(min) + (openMin ? " and <= " : " to ") + plain(max);
        if (value == null || value.isBlank()) {
            if (Double.isNaN(fallback)) {
                throw ApiProblem.badRequest(field, "is required; " + rule);
            }
            return fallback;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (!Double.isFinite(d) || d < min || d > max || (openMin && d == min)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(field, rule);
        }
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** A JSON list of {@code dimension} finite numbers within ±1e6, such as a point. */
    static double[] point(String json, int dimension, String field) {
        String what = "a JSON list of " + dimension + " numbers";
        List<?> list = json == null ? null : RequestJson.list(json, field, what);
        if (list == null || list.size() != dimension) {
            throw ApiProblem.badRequest(field, "must be " + what);
        }
        double[] out = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue()) || Math.abs(n.doubleValue()) > 1e6) {
                throw ApiProblem.badRequest(field, "must hold finite numbers within ±1e6");
            }
            out[i] = n.doubleValue();
        }
        return out;
    }
}
