package io.downhill.widget;

/**
 * Heavy-ball momentum on ½(x² + κy²): a map of the predicted rate over (lr, momentum) with the
 * optimum marked, and a point the learner moves that also runs on the server.
 */
public record RateMap(double kappa, double lr, double momentum, int grid, int maxSteps, int speed, String caption)
        implements WidgetSpec {
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

    static RateMap from(Fields f) {
        double kappa = f.number("kappa", 10, 2, MAX_KAPPA);
        double max = 4 / kappa;
        // the best plain gradient descent, 2/(1 + κ), is where a learner starts unless the author says otherwise
        double lr = f.number("lr", 2 / (1 + kappa), max / 200, max);
        return new RateMap(kappa, lr,
                f.number("momentum", 0, 0, 0.99),
                f.integer("grid", 61, 11, 121),
                f.integer("max_steps", 200, 10, 2000),
                f.integer("speed", 40, 1, 240),
                f.text("caption", "", 500));
    }
}
