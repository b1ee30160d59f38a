package io.downhill.web.api;

import io.downhill.optim.ProblemSpec;
import io.downhill.optim.SpecException;
import io.downhill.optim.problems.Problem;
import io.downhill.web.ApiProblem;
import io.downhill.web.RequestJson;

/** The {@code problem} and {@code seed} query parameters that the landscape and gradient endpoints share. */
final class ProblemInput {
    private ProblemInput() {}

    /** The dataset's seed: absent is 0. */
    static long seed(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long seed = Long.parseLong(value.strip());
            if (seed < 0 || seed > (1L << 53)) {
                throw new NumberFormatException();
            }
            return seed;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("seed", "must be a whole number from 0 to 2^53");
        }
    }

    /** A problem from its JSON, such as {@code {"name":"rosenbrock"}}, built with {@code seed}. */
    static Problem problem(String json, long seed) {
        if (json == null || json.isBlank()) {
            throw ApiProblem.badRequest("problem", "is required, e.g. {\"name\":\"rosenbrock\"}");
        }
        if (json.length() > 2048) {
            throw ApiProblem.badRequest("problem", "must be at most 2048 characters");
        }
        Object tree = RequestJson.value(json, "problem", "a JSON object such as {\"name\":\"bowl\"}");
        try {
            return ProblemSpec.fromJson(tree).create(seed);
        } catch (SpecException e) {
            throw ApiProblem.badRequest(e.field(), e.detail());
        }
    }
}
