package io.downhill.widget;

import java.util.List;

/** The same problem and start with several learning rates: too small, right, too large. */
public record LrCompare(String problem, String optimizer, double[] start, List<Double> lrs, int maxSteps,
                        int speed, String caption) implements WidgetSpec {

    @Override
    public String type() {
        return "lr-compare";
    }

    static LrCompare from(Fields f) {
        String problem = f.choice("problem", "bowl", Catalogs.problems("2d"));
        double[] start = f.has("start")
                ? f.numbers("start", null, 2, -1e3, 1e3)
                : (problem.equals("bowl") ? new double[] {3, 4} : Catalogs.problem(problem).defaultStart());
        return new LrCompare(problem,
                f.choice("optimizer", "sgd", Catalogs.optimizers()),
                start,
                f.numberList("lrs", List.of(0.01, 0.1, 0.5), 2, 4, 1e-5, 2),
                f.integer("max_steps", 60, 1, 2000),
                f.integer("speed", 20, 1, 240),
                f.text("caption", "", 500));
    }
}
