package io.downhill.optim;

import java.util.List;
import java.util.Map;

/**
 * Heavy-ball momentum on a quadratic, in closed form. On ½·Σλᵢ·xᵢ² every eigen-direction moves on
 * its own: with torch's update (b ← μ·b + g, θ ← θ − η·b) the error of one mode obeys
 * e_{t+1} = (1 + μ − ηλ)·e_t − μ·e_{t−1}, so the pair (e_t, e_{t−1}) is multiplied by
 * [[1 + μ − ηλ, −μ], [1, 0]] each step and shrinks, in the long run, by that matrix's spectral
 * radius. The rate of the whole problem is the worst of its modes; for a spectrum in [m, L] that is
 * one of the two ends, which is why a 2D problem with eigenvalues m and L is the whole story.
 *
 * <p>The measured side runs the engine itself ({@link Run}) on the "ill-conditioned" problem
 * ½(x² + κy²), so m = 1 and L = κ there.
 */
public final class MomentumRates {
    /** Largest grid side of a rate map. */
    public static final int MAX_GRID = 121;
    /** Condition numbers a map may use (the ill-conditioned problem's own range). */
    public static final double MIN_KAPPA = 1;
    public static final double MAX_KAPPA = 1000;
    /** Largest momentum on the map's μ axis. */
    public static final double MAX_MU = 0.99;
    /** Steps of the measured run. */
    public static final int MEASURE_STEPS = 400;
    /** Below this distance to the minimum a run is at the edge of double precision; the tail ends there. */
    private static final double FLOOR = 1e-200;
    private static final int WINDOW = 20;

    private MomentumRates() {}

    /** The spectral radius of [[1 + μ − ηλ, −μ], [1, 0]]: the long-run factor of one mode per step. */
    public static double modeRate(double eta, double mu, double lambda) {
        double a = 1 + mu - eta * lambda;
        double disc = a * a - 4 * mu;
        if (disc < 0) {
            // complex pair: both eigenvalues have modulus √(det) = √μ, whatever η is
            return Math.sqrt(mu);
        }
        double s = Math.sqrt(disc);
        return Math.max(Math.abs(a + s), Math.abs(a - s)) / 2;
    }

    /** The rate of the quadratic with eigenvalues m and L: the slower of its two modes. */
    public static double rate(double eta, double mu, double m, double bigL) {
        return Math.max(modeRate(eta, mu, m), modeRate(eta, mu, bigL));
    }

    /** The best (η, μ) for eigenvalues m ≤ L: both end modes critically damped. */
    /**
     * The largest learning rate worth showing: heavy ball is stable for ηL < 2(1 + μ), so past 4/L
     * every momentum below 1 diverges.
     */
    public static double largestStableLr(double bigL) {
        return 4 / bigL;
    }

    public static Tuning optimum(double m, double bigL) {
        double sm = Math.sqrt(m);
        double sl = Math.sqrt(bigL);
        double eta = 4 / ((sl + sm) * (sl + sm));
        double root = (sl - sm) / (sl + sm);
        return new Tuning(eta, root * root, root);
    }

    /** The best plain gradient descent: η = 2/(m + L), rate (κ − 1)/(κ + 1). */
    public static Tuning bestPlain(double m, double bigL) {
        return new Tuning(2 / (m + bigL), 0, (bigL - m) / (bigL + m));
    }

    /** Predicted rates on an n × n grid of (η, μ) for the problem ½(x² + κy²). */
    public static Map<String, Object> map(double kappa, int n) {
        checkKappa(kappa);
        if (n < 2 || n > MAX_GRID) {
            throw new SpecException("n", "must be a whole number from 2 to " + MAX_GRID);
        }
        double[] etas = etaAxis(kappa, n);
        double[] mus = muAxis(n);
        double[][] rates = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                rates[j][i] = rate(etas[i], mus[j], 1, kappa);
            }
        }
        return Map.of("eta", etas, "mu", mus, "rate", rates);
    }

    /** n learning rates from η_max/n to η_max = 4/L, beyond which every μ < 1 diverges. */
    public static double[] etaAxis(double kappa, int n) {
        double max = 4 / kappa;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = max * (i + 1) / n;
        }
        return out;
    }

    /** n momenta from 0 to {@link #MAX_MU}. */
    public static double[] muAxis(int n) {
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = MAX_MU * j / (n - 1);
        }
        return out;
    }

    /** The engine's run for one point of the map: torch SGD with momentum from (1, 1). */
    public static RunSpec runSpec(double kappa, double eta, double mu, int steps) {
        return RunSpec.fromJson(Map.of(
                "problem", Map.of("name", "ill-conditioned", "condition", kappa),
                "start", List.of(1.0, 1.0),
                "optimizer", Map.of("name", "momentum", "lr", eta, "momentum", mu),
                "stop", Map.of("max_steps", steps)));
    }

    /**
     * The rate a real run shows: the geometric mean of the per-step factor over the second half of
     * the run, (E_K/E_{K/2})^(1/(K − K/2)), where K is the last step before the distance to the
     * minimum fell below 1e-200 (or the run ended) and E_t is the largest distance ‖θ_s‖ over the 20
     * steps up to t, so that an oscillating mode passing near zero does not read as speed. Skipping
     * the first half lets the faster mode die out; a critically damped mode still carries a factor
     * t, which shows as a slightly larger number than predicted.
     */
    public static double measured(double kappa, double eta, double mu) {
        checkKappa(kappa);
        Run run = Run.start(runSpec(kappa, eta, mu, MEASURE_STEPS));
        double[] norms = new double[MEASURE_STEPS + 1];
        int last = -1;
        while (run.hasNext()) {
            Step s = run.next();
            double e = Run.norm(s.params());
            if (!Double.isFinite(e) || e < FLOOR) {
                break;
            }
            norms[++last] = e;
        }
        if (last <= 0) {
            return 0;
        }
        int from = last / 2;
        return Math.pow(envelope(norms, last) / envelope(norms, from), 1.0 / (last - from));
    }

    /** The largest of the WINDOW distances up to step t: an oscillating mode's swings do not read as speed. */
    private static double envelope(double[] norms, int t) {
        double max = 0;
        for (int s = Math.max(0, t - WINDOW + 1); s <= t; s++) {
            max = Math.max(max, norms[s]);
        }
        return max;
    }

    private static void checkKappa(double kappa) {
        if (!(kappa >= MIN_KAPPA && kappa <= MAX_KAPPA)) {
            throw new SpecException("kappa", "must be a number from 1 to 1000");
        }
    }

    /** A learning rate, a momentum and the rate they give. */
    public record Tuning(double lr, double momentum, double rate) {}
}
