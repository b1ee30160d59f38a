package io.downhill.widget;

/**
 * Heavy-ball momentum on ½(x² + κy²): a map of the predicted rate over (lr, momentum) with the
 * optimum marked, and a point the learner moves that also runs on the server.
 */
public record RateMap(double kappa, double lr, double momentum, int grid, int maxSteps)
        implements WidgetSpec.Stepped {
    static final double MAX_KAPPA = 1000;

    @Override
    public String type() {
        return "rate-map";
    }

    @Override
    public String problem() {
        return "ill-conditioned";
    }

    /** The largest learning rate on the map: beyond 4/κ every momentum below 1 diverges. */
    public double maxLr() {
        return 4 / kappa;
    }

    static final class Type implements WidgetType<RateMap> {
        @Override
        public String name() {
            return "rate-map";
        }

        @Override
        public Class<RateMap> specClass() {
            return RateMap.class;
        }

        @Override
        public Shared.Rules rules() {
            return Shared.Rules.speed(40);
        }

        @Override
        public RateMap read(Fields f) {
            double kappa = f.number("kappa", 10, 2, MAX_KAPPA);
            double max = 4 / kappa;
            // the best plain gradient descent, 2/(1 + κ), is where a learner starts unless the author says otherwise
            double lr = f.number("lr", 2 / (1 + kappa), max / 200, max);
            return new RateMap(kappa, lr,
                    f.number("momentum", 0, 0, 0.99),
                    f.integer("grid", 61, 11, 121),
                    f.integer("max_steps", 200, 10, 2000));
        }
    }
}
