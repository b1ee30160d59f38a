package io.downhill.optim;

import io.downhill.optim.expr.Expression;
import io.downhill.optim.expr.ExpressionException;
import io.downhill.optim.expr.ExpressionProblem;
import io.downhill.optim.problems.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code problem} object of a custom function: {@code {"expression": "x^2 + y^2", "dimension":
 * 2, "range": [[-3, 3], [-3, 3]]}}. It takes the place of {@code name}, so a problem object has one
 * or the other. The validated spec keeps the text, not the parsed graph: a spec is a plain value,
 * and parsing again when the run starts costs microseconds.
 */
final class ExpressionSpecs {
    private ExpressionSpecs() {}

    static final String NAME = "expression";

    private static final List<String> FIELDS = List.of("expression", "dimension", "range");
    private static final ParamDef DIMENSION =
            ParamDef.integer("dimension", 2, Range.closed(1, 2), "1 for f(x), 2 for f(x, y)");
    private static final Range BOUND = Range.closed(-SpecParser.MAX_START, SpecParser.MAX_START);

    /** Whether a problem node describes an expression rather than a catalog name. */
    static boolean isExpression(Object node) {
        return node instanceof Map<?, ?> m && m.get("expression") != null;
    }

    static ProblemSpec parse(Map<String, Object> m) {
        if (m.get("name") != null) {
            throw new SpecException("problem", "must have either name or expression, not both");
        }
        JsonTree.allowOnly(m, FIELDS, "problem");
        int dimension = (Integer) DIMENSION.read(m.get("dimension"), "problem.dimension");
        String text = JsonTree.string(m.get("expression"), "problem.expression",
                "must be a string such as \"x^2 + y^2\"");
        try {
            Expression.parse(text, dimension);
        } catch (ExpressionException e) {
            throw new SpecException("problem.expression", e.getMessage());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("expression", text);
        p.put("dimension", dimension);
        p.put("range", range(m.get("range"), dimension));
        return new ProblemSpec(NAME, p);
    }

    private static List<List<Double>> range(Object node, int dimension) {
        List<List<Double>> out = new ArrayList<>();
        if (node == null) {
            for (int i = 0; i < dimension; i++) {
                out.add(List.of(ExpressionProblem.DEFAULT_RANGE[0], ExpressionProblem.DEFAULT_RANGE[1]));
            }
            return List.copyOf(out);
        }
        String need = "must be a list of " + dimension + " [lo, hi] pairs with lo < hi, each " + BOUND.text();
        List<?> l = JsonTree.list(node, "problem.range", need);
        if (l.size() != dimension) {
            throw new SpecException("problem.range", need);
        }
        for (int i = 0; i < dimension; i++) {
            String field = "problem.range[" + i + "]";
            List<?> pair = JsonTree.list(l.get(i), field, need);
            Double lo = pair.size() == 2 ? JsonTree.finite(pair.get(0)) : null;
            Double hi = pair.size() == 2 ? JsonTree.finite(pair.get(1)) : null;
            if (lo == null || hi == null || !(lo < hi) || !BOUND.contains(lo) || !BOUND.contains(hi)) {
                throw new SpecException(field, need);
            }
            out.add(List.of(lo, hi));
        }
        return List.copyOf(out);
    }

    /** The catalog-like entry the rest of the parser works with (kind, dimension). */
    static Problems.Type type(ProblemSpec spec) {
        int dimension = spec.integer("dimension");
        return new Problems.Type(NAME, "Your function", dimension == 1 ? "1d" : "2d", dimension, List.of(),
                "f = " + spec.params().get("expression"), (s, seed) -> create(s));
    }

    @SuppressWarnings("unchecked")
    static Problem create(ProblemSpec spec) {
        Expression e = Expression.parse((String) spec.params().get("expression"), spec.integer("dimension"));
        List<List<Double>> r = (List<List<Double>>) spec.params().get("range");
        double[][] range = new double[r.size()][];
        for (int i = 0; i < range.length; i++) {
            range[i] = new double[] {r.get(i).get(0), r.get(i).get(1)};
        }
        return new ExpressionProblem(e, range);
    }
}
