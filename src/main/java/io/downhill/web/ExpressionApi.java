package io.downhill.web;

import io.downhill.optim.expr.Expression;
import io.downhill.optim.expr.ExpressionException;
import io.downhill.optim.expr.Node;
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

    static void check(Context ctx) {
        String text = ctx.queryParam("text");
        if (text == null) {
            throw ApiProblem.badRequest("text", "is required: the function of x (and y) to check");
        }
        String d = ctx.queryParam("dimension");
        int dimension = d == null || d.isBlank() ? 2 : switch (d.strip()) {
            case "1" -> 1;
            case "2" -> 2;
            default -> throw ApiProblem.badRequest("dimension", "must be 1 or 2");
        };
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
        ctx.json(body);
    }
}
