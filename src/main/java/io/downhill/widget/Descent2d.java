package io.downhill.widget;

import java.util.List;

/** A path over a contour map, with its loss curve; the controls say what the learner may change. */
public record Descent2d(String problem, String expression, List<String> problems, String optimizer, List<String> optimizers,
                        double lr, double momentum, double[] start, int maxSteps, List<String> controls,
                        boolean surface, int speed, String caption) implements WidgetSpec {
    static final List<String> CONTROLS = List.of("problem", "optimizer", "lr", "momentum", "start", "speed", "surface");

    @Override
    public String type() {
        return "descent-2d";
    }

    static Descent2d from(Fields f) {
        List<String> all = Catalogs.problems("2d");
        String expression = Catalogs.expression(f);
        String problem = expression != null ? "expression" : f.choice("problem", "bowl", all);
        List<String> problems = expression != null ? List.of("expression") : f.choices("problems", all, all, 1, all.size());
        if (!problems.contains(problem)) {
            throw new WidgetException("problems", "'problems' must include the widget's 'problem' (" + problem + ")");
        }
        List<String> optimizers = f.choices("optimizers", List.of("sgd", "momentum", "nesterov", "rmsprop", "adam"),
                Catalogs.optimizers(), 1, 7);
        String optimizer = f.choice("optimizer", optimizers.get(0), optimizers);
        double[] start = f.has("start")
                ? f.numbers("start", null, 2, -1e3, 1e3)
                : (expression != null ? new double[] {2, 2} : Catalogs.problem(problem).defaultStart());
        for (int i = 0; i < 2 && expression == null; i++) {
            double[] b = Catalogs.startBounds(problem, i);
            if (start[i] < b[0] || start[i] > b[1]) {
                throw new WidgetException("start", "'start' must lie within the plot of " + problem + ": coordinate "
                        + (i + 1) + " from " + Fields.fmt(b[0]) + " to " + Fields.fmt(b[1]));
            }
        }
        return new Descent2d(problem, expression, problems, optimizer, optimizers,
                f.number("lr", 0.05, 1e-5, 2),
                f.number("momentum", 0.9, 0, 0.999),
                start,
                f.integer("max_steps", 300, 1, 5000),
                f.choices("controls", List.of("optimizer", "lr", "momentum", "start", "speed"), CONTROLS, 0, CONTROLS.size()),
                f.has("surface") && Boolean.TRUE.equals(f.raw("surface")),
                f.integer("speed", 30, 1, 240),
                f.text("caption", "", 500));
    }
}
