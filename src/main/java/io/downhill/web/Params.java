package io.downhill.web;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    /** A JSON list of {@code dimension} finite numbers within ±1e6, such as a point. */
    static double[] point(String json, int dimension, String field) {
        try {
            List<?> list = json == null ? null : Json.MAPPER.readValue(json, List.class);
            if (list == null || list.size() != dimension) {
                throw ApiProblem.badRequest(field, "must be a JSON list of " + dimension + " numbers");
            }
            double[] out = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue()) || Math.abs(n.doubleValue()) > 1e6) {
                    throw ApiProblem.badRequest(field, "must hold finite numbers within ±1e6");
                }
                out[i] = n.doubleValue();
            }
            return out;
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest(field, "must be a JSON list of " + dimension + " numbers");
        }
    }
}
