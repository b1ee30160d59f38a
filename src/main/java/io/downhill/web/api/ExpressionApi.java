package io.downhill.web.api;

import io.downhill.optim.expr.Expression;
import io.downhill.optim.expr.ExpressionException;
import io.downhill.optim.GradientComparison;
import io.downhill.optim.Work;
import io.downhill.optim.expr.Node;
import io.downhill.optim.expr.Trace;
import io.downhill.web.ApiProblem;
import io.downhill.web.Compute;
import io.downhill.web.JsonJob;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/expression?text=…&dimension=2}: whether a typed function parses, and if not, the
 * column and the reason. A typo is an answer here, not an error, so the editor gets a 200 either
 * way; only a malformed request is a 400.
 */
final class ExpressionApi {
    private ExpressionApi() {}

    /**
     * {@code GET /api/gradient-lab?text=…&point=[x,y]}: the function's value, its gradient by
     * automatic differentiation, forward and central differences over h = 1e-1 … 1e-15 with their
     * errors, the evaluations each method costs, and the graph with every node's forward value and
     * backward adjoint.
     */
    static void lab(Context ctx, Compute compute) {
        int dimension = dimension(ctx);
        String text = ctx.queryParam("text");
        if (text == null) {
            throw ApiProblem.badRequest("text", "is required: the function of x (and y)");
        }
        Expression expression;
        try {
            expression = Expression.parse(text, dimension);
        } catch (ExpressionException e) {
            throw ApiProblem.badRequest("text", e.getMessage());
        }
        double[] point = Params.point(ctx.queryParam("point"), dimension, "point");
        Lab lab = Lab.of(expression, point, dimension);
        compute.respondJson(ctx, lab.cost(), JsonJob.whole(g -> g.writeObject(lab.body())));
    }

    /** The lab's answer for a parsed function at a point, its cost known before it is computed. */
    record Lab(Expression expression, double[] point, int dimension, long cost) {
        static Lab of(Expression expression, double[] point, int dimension) {
            // every h of the sweep costs a forward and a central difference; then one trace
            long evaluations = (long) (GradientComparison.SMALLEST_EXPONENT + 1)
                    * (GradientComparison.forwardEvaluations(dimension) + GradientComparison.centralEvaluations(dimension)) + 3;
            return new Lab(expression, point, dimension, evaluations * Work.evaluation(new io.downhill.optim.expr.ExpressionProblem(expression)));
        }

        Map<String, Object> body() {
            return labBody(expression, point, dimension);
        }
    }

    private static Map<String, Object> labBody(Expression expression, double[] point, int dimension) {
        GradientComparison c = GradientComparison.at(expression, point);
        Trace trace = expression.trace(point);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", c.value());
        body.put("automatic", c.automatic());
        body.put("evaluations", Map.of("forward", GradientComparison.forwardEvaluations(dimension),
                "central", GradientComparison.centralEvaluations(dimension), "automatic", "1 forward + 1 backward pass"));
        body.put("sweep", c.sweep().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("h", r.h());
            row.put("forward", r.forward());
            row.put("central", r.central());
            row.put("forward_error", r.forwardError());
            row.put("central_error", r.centralError());
            return row;
        }).toList());
        body.put("graph", expression.nodes().stream().map(n -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", n.id());
            node.put("op", n.op());
            node.put("label", n.label());
            node.put("inputs", n.inputs());
            node.put("value", trace.values()[n.id()]);
            node.put("adjoint", trace.adjoints()[n.id()]);
            return node;
        }).toList());
        return body;
    }

    private static int dimension(Context ctx) {
        String d = ctx.queryParam("dimension");
        if (d == null || d.isBlank()) {
            return 2;
        }
        return switch (d.strip()) {
            case "1" -> 1;
            case "2" -> 2;
            default -> throw ApiProblem.badRequest("dimension", "must be 1 or 2");
        };
    }


    static void check(Context ctx, Compute compute) {
        String text = ctx.queryParam("text");
        if (text == null) {
            throw ApiProblem.badRequest("text", "is required: the function of x (and y) to check");
        }
        int dimension = dimension(ctx);
        // parsing is linear in the text, which is at most 500 characters
        compute.respondJson(ctx, 1_000L * text.length() + 10_000, JsonJob.whole(g -> g.writeObject(checkBody(text, dimension))));
    }

    private static Map<String, Object> checkBody(String text, int dimension) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            Expression expression = Expression.parse(text, dimension);
            List<Node> nodes = expression.nodes();
            body.put("valid", true);
            body.put("nodes", nodes.size());
        } catch (ExpressionException e) {
            body.put("valid", false);
            body.put("column", e.column());
            body.put("message", e.getMessage());
        }
        return body;
    }
}
