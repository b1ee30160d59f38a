package io.downhill.widget;


/**
 * Analytic (automatic) against numerical gradients for a function and a point: the error of
 * forward and central differences across step sizes, and the computational graph with the forward
 * values and backward adjoints of every node.
 */
public record GradientLab(String expression, double[] point) implements WidgetSpec {

    @Override
    public String type() {
        return "gradient-lab";
    }

    @Override
    public String problem() {
        return "expression";
    }

    static final class Type implements WidgetType<GradientLab> {
        @Override
        public String name() {
            return "gradient-lab";
        }

        @Override
        public Class<GradientLab> specClass() {
            return GradientLab.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.noSpeed();
        }

        @Override
        public GradientLab read(Fields f) {
            String expression = Catalogs.expression(f, "(x + y) * sin(x)");
            return new GradientLab(expression,
                    f.numbers("point", new double[] {1, 2}, 2, -3, 3));
        }
    }
}
