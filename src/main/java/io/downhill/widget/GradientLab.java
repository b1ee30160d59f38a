package io.downhill.widget;


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
        String expression = Catalogs.expression(f, "(x + y) * sin(x)");
        return new GradientLab(expression,
                f.numbers("point", new double[] {1, 2}, 2, -3, 3),
                30,
                f.text("caption", "", 500));
    }
}
