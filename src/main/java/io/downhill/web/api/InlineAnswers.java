package io.downhill.web.api;

import io.downhill.optim.expr.Expression;
import io.downhill.optim.expr.ExpressionException;
import io.downhill.widget.WidgetType.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls of a state that its own answer carries: small answers computed whole (today the
 * gradient lab's comparison), so a moved point shows after one round trip instead of two. Each is
 * planned here, its cost known, and answered as its own endpoint would; a call this cannot answer
 * is left to the page to make.
 */
final class InlineAnswers {
    private final Map<String, ExpressionApi.Lab> labs;

    private InlineAnswers(Map<String, ExpressionApi.Lab> labs) {
        this.labs = labs;
    }

    static InlineAnswers plan(Map<String, Request> requests) {
        Map<String, ExpressionApi.Lab> labs = new LinkedHashMap<>();
        requests.forEach((name, request) -> {
            ExpressionApi.Lab lab = lab(request);
            if (lab != null) {
                labs.put(name, lab);
            }
        });
        return new InlineAnswers(labs);
    }

    /** The gradient lab's call as the widget wrote it, or null for any other call. */
    private static ExpressionApi.Lab lab(Request request) {
        if (!"gradient-lab".equals(request.path()) || request.query().size() != 2
                || !(request.query().get("text") instanceof String text)
                || !(request.query().get("point") instanceof List<?> point) || point.size() != 2
                || !(point.get(0) instanceof Number x) || !(point.get(1) instanceof Number y)) {
            return null;
        }
        try {
            return ExpressionApi.Lab.of(Expression.parse(text, 2), new double[] {x.doubleValue(), y.doubleValue()}, 2);
        } catch (ExpressionException e) {
            return null; // the page asks, and is told why
        }
    }

    long cost() {
        return labs.values().stream().mapToLong(ExpressionApi.Lab::cost).sum();
    }

    boolean isEmpty() {
        return labs.isEmpty();
    }

    Map<String, Object> answers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        labs.forEach((name, lab) -> answers.put(name, lab.body()));
        return answers;
    }
}
