package io.downhill.widget;

import io.downhill.optim.expr.Expression;
import io.downhill.optim.expr.ExpressionException;

/**
 * Analytic (automatic) against numerical gradients for a function and a point: the error of
 * forward and central differences across step sizes, and the computational graph with the forward
 * values and backward adjoints of every node.
 */
public record GradientLab(String expression, double[] point, int speed, String caption) implements WidgetSpec {

    @Override
    public String type() {
        return "gradient-lab";
    }

    @Override
    public String problem() {
        return "expression";
    }

    static GradientLab from(Fields f) {
        String expression = f.text("expression", "(x + y) * sin(x)", 500);
        try {
            Expression.parse(expression, 2);
        } catch (ExpressionException e) {
            throw new WidgetException("expression", "'expression' " + e.getMessage());
        }
        return new GradientLab(expression,
                f.numbers("point", new double[] {1, 2}, 2, -3, 3),
                30,
                f.text("caption", "", 500));
    }
}
