package io.downhill.widget;

import java.util.List;

/** A ball on a curve: one optimizer, one learning rate, the start decides the valley. */
public record Descent1d(String problem, String optimizer, double lr, double start, int maxSteps,
                        List<String> controls, int speed, String caption) implements WidgetSpec {
    static final List<String> CONTROLS = List.of("lr", "start", "optimizer", "speed");

    @Override
    public String type() {
        return "descent-1d";
    }

    static Descent1d from(Fields f) {
        String problem = f.choice("problem", "double-well", Catalogs.problems("1d"));
        double[] bounds = Catalogs.startBounds(problem, 0);
        double start = f.has("start")
                ? f.number("start", 0, bounds[0], bounds[1])
                : Catalogs.problem(problem).defaultStart()[0];
        return new Descent1d(problem,
                f.choice("optimizer", "sgd", Catalogs.optimizers()),
                f.number("lr", 0.05, 1e-4, 1),
                start,
                f.integer("max_steps", 150, 1, 2000),
                f.choices("controls", CONTROLS, CONTROLS, 0, CONTROLS.size()),
                f.integer("speed", 30, 1, 240),
                f.text("caption", "", 500));
    }
}
