package io.downhill.widget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several optimizers from one start on one clock, with a leaderboard. */
public record OptimizerRace(String problem, List<String> problems, List<String> optimizers, Map<String, Double> lr,
                            double[] start, int maxSteps, double tolerance, int speed, String caption)
        implements WidgetSpec {

    /** Learning rates that make a fair race on the default problems; an author may override any. */
    static final Map<String, Double> DEFAULT_LR = Map.of(
            "sgd", 0.002, "momentum", 0.002, "nesterov", 0.001, "adagrad", 0.5,
            "rmsprop", 0.01, "adam", 0.1, "adamw", 0.1);

    @Override
    public String type() {
        return "optimizer-race";
    }

    static OptimizerRace from(Fields f) {
        List<String> all = Catalogs.problems("2d");
        String problem = f.choice("problem", "rosenbrock", all);
        List<String> problems = f.choices("problems", List.of(problem), all, 1, all.size());
        List<String> optimizers = f.choices("optimizers", List.of("sgd", "momentum", "nesterov", "rmsprop", "adam"),
                Catalogs.optimizers(), 1, 7);
        Map<String, Double> lr = new LinkedHashMap<>();
        Object raw = f.raw("lr");
        for (String name : optimizers) {
            lr.put(name, DEFAULT_LR.get(name));
        }
        if (raw instanceof Number) {
            double all1 = f.number("lr", 0, 1e-5, 2);
            lr.replaceAll((k, v) -> all1);
        } else if (raw instanceof Map<?, ?> given) {
            for (var e : given.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (!optimizers.contains(name)) {
                    throw new WidgetException("lr", "'lr' names '" + name + "', which is not in 'optimizers'");
                }
                if (!(e.getValue() instanceof Number n) || !(n.doubleValue() >= 1e-5 && n.doubleValue() <= 2)) {
                    throw new WidgetException("lr", "'lr' for " + name + " must be a number from 0.00001 to 2");
                }
                lr.put(name, n.doubleValue());
            }
        } else if (raw != null) {
            throw new WidgetException("lr", "'lr' must be a number or a map such as {sgd: 0.01, adam: 0.05}");
        }
        double[] start = f.has("start")
                ? f.numbers("start", null, 2, -1e3, 1e3)
                : Catalogs.problem(problem).defaultStart();
        return new OptimizerRace(problem, problems, optimizers, Map.copyOf(lr), start,
                f.integer("max_steps", 500, 1, 5000),
                f.number("tolerance", 1e-3, 1e-12, 1e3),
                f.integer("speed", 40, 1, 240),
                f.text("caption", "", 500));
    }
}
