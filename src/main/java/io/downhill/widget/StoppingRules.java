package io.downhill.widget;

import java.util.List;

/**
 * One run watched by four stopping rules at once: where each would have stopped it, and which
 * would have fired first.
 */
public record StoppingRules(String problem, String optimizer, double lr, double[] start, int maxSteps,
                            double gradNorm, double lossChange, double paramChange)
        implements WidgetSpec.Stepped {

    @Override
    public String type() {
        return "stopping-rules";
    }

    static final class Type implements WidgetType<StoppingRules> {
        @Override
        public String name() {
            return "stopping-rules";
        }

        @Override
        public Class<StoppingRules> specClass() {
            return StoppingRules.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(60);
        }

        @Override
        public StoppingRules read(Fields f) {
            String problem = f.choice("problem", "ill-conditioned", Catalogs.problems("2d"));
            double[] start = f.has("start")
                    ? f.numbers("start", null, 2, -1e3, 1e3)
                    : Catalogs.problem(problem).defaultStart();
            return new StoppingRules(problem,
                    f.choice("optimizer", "sgd", Catalogs.optimizers()),
                    f.number("lr", 0.1, 1e-5, 2),
                    start,
                    f.integer("max_steps", 400, 10, 5000),
                    f.number("grad_norm", 1e-3, 1e-12, 1e3),
                    f.number("loss_change", 1e-6, 1e-12, 1e3),
                    f.number("param_change", 1e-4, 1e-12, 1e3));
        }
    }

    static final List<String> RULES = List.of("grad_norm", "loss_change", "param_change", "max_steps");
}
