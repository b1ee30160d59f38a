package io.downhill.optim.nn;

import io.downhill.optim.Registry;
import io.downhill.optim.SpecException;
import io.downhill.optim.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mini-batch training of a {@link Network}, one update per {@link #step()}, in torch's order:
 *
 * <pre>
 * loss = mean BCE over the batch;  g = ∂loss/∂θ            (backprop)
 * if max_norm set:  coef = max_norm / (‖g‖ + 1e−6);  if coef < 1: g ← coef·g   (clip_grad_norm_)
 * optimizer.step(θ, g)     (adds weight_decay·θ to g itself, as torch's weight_decay does)
 * </pre>
 *
 * The optimizers are the engine's registered ones ({@link Registry#BUILT_IN}) on the flat parameter
 * vector, every hyper-parameter at its registered default but weight_decay: "sgd" is SGD,
 * "momentum" SGD with μ = 0.9 (b ← g on the first step, then b ← 0.9·b + g; θ ← θ − lr·b), "adam"
 * Adam with β = (0.9, 0.999), ε = 1e−8 and bias correction.
 *
 * <p>Batches are drawn without replacement: each epoch shuffles the point order (Fisher–Yates)
 * and walks it in slices of batch_size; the last slice of an epoch may be shorter, as with torch's
 * DataLoader. The seed is split into two streams, the initial weights first and the batch order
 * second, so one does not shift the other.
 */
public final class Trainer {
    /** The most steps one trainer will take: bounds the work a request can ask for. */
    public static final int MAX_STEPS = 5000;

    private final NetSpec spec;
    private final Dataset data;
    private final Network net;
    private final Optimizer optimizer;
    private final SplittableRandom batchRng;
    private final int[] order;
    private final int batchSize;
    private final double[] grad;
    private int cursor;
    private int t;
    private double[] layerNorms;
    private double totalNorm;
    private boolean clipped;
    private double lossSum;
    private int right;

    public Trainer(NetSpec spec, Dataset data) {
        this.spec = spec;
        this.data = data;
        SplittableRandom root = new SplittableRandom(spec.seed());
        this.net = Network.initialized(spec, root.split());
        this.batchRng = root.split();
        int d = net.params().length;
        this.optimizer = Registry.BUILT_IN.optimizer(spec.optimizer())
                .create(Map.of("weight_decay", spec.weightDecay()), d);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.batchSize = Math.min(spec.batchSize(), data.size());
        this.cursor = order.length; // start of the first epoch: shuffle before the first batch
        this.grad = new double[d];
    }

    /** The network being trained (live: its parameters change with every step). */
    public Network network() {
        return net;
    }

    /** Updates taken so far. */
    public int t() {
        return t;
    }

    /** One mini-batch update; see the class comment for the order of operations. */
    public TrainStep step() {
        update();
        measure(0, data.size());
        return finish();
    }

    /**
     * The first part of a step, for callers that do a step in pieces: the mini-batch gradient, its
     * norms, clipping and the optimizer's update. Then {@link #measure} over every point, in order,
     * in as many pieces as wanted, and {@link #finish}.
     */
    public void update() {
        if (t >= MAX_STEPS) {
            throw new IllegalStateException("at most " + MAX_STEPS + " steps");
        }
        if (cursor == order.length) {
            shuffle();
            cursor = 0;
        }
        int from = cursor;
        int to = Math.min(from + batchSize, order.length);
        cursor = to;
        net.lossAndGradient(data, order, from, to, grad);

        layerNorms = new double[net.layers()];
        for (int l = 0; l < net.layers(); l++) {
            layerNorms[l] = norm(grad, net.weightOffset(l), net.weightCount(l));
        }
        totalNorm = norm(grad, 0, grad.length);
        clipped = false;
        if (spec.clipGradNorm() != null) {
            double coef = spec.clipGradNorm() / (totalNorm + 1e-6);
            if (coef < 1) {
                for (int i = 0; i < grad.length; i++) {
                    grad[i] *= coef;
                }
                clipped = true;
            }
        }
        optimizer.step(net.params(), grad, spec.lr());
        t++;
        lossSum = 0;
        right = 0;
    }

    /** Loss and accuracy over points [from, to) after the update: one forward pass per point. */
    public void measure(int from, int to) {
        for (int i = from; i < to; i++) {
            double s = net.logit(data.x()[i]);
            lossSum += Network.bce(s, data.y()[i]);
            right += (s >= 0 ? 1 : 0) == data.y()[i] ? 1 : 0;
        }
    }

    /** The step just taken, once every point has been measured. */
    public TrainStep finish() {
        return new TrainStep(t, lossSum / data.size(), (double) right / data.size(), layerNorms,
                totalNorm, clipped);
    }

    /** The next {@code count} steps, 1..MAX_STEPS − t(). */
    public List<TrainStep> steps(int count) {
        if (count < 1 || count > MAX_STEPS - t) {
            throw new SpecException("steps", "must be an integer >= 1 and <= " + (MAX_STEPS - t));
        }
        List<TrainStep> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(step());
        }
        return out;
    }

    /**
     * The predicted probability of class 1 on an n × n grid over {@code range} =
     * {{xMin, xMax}, {yMin, yMax}}, both ends included: {@code grid[r][c]} is at
     * x = xMin + c·(xMax − xMin)/(n − 1), y = yMin + r·(yMax − yMin)/(n − 1), so row 0 is the
     * bottom edge. The 0.5 contour is the decision boundary.
     */
    public double[][] decisionGrid(int n, double[][] range) {
        if (n < 2 || n > 100) {
            throw new SpecException("grid", "must be an integer >= 2 and <= 100");
        }
        if (range == null || range.length != 2 || range[0].length != 2 || range[1].length != 2
                || !(range[0][0] < range[0][1]) || !(range[1][0] < range[1][1])
                || !Double.isFinite(range[0][0] + range[0][1] + range[1][0] + range[1][1])) {
            throw new SpecException("range", "must be {{xMin, xMax}, {yMin, yMax}}, finite, min < max");
        }
        double[][] out = new double[n][];
        for (int r = 0; r < n; r++) {
            out[r] = decisionRow(n, range, r);
        }
        return out;
    }

    /** Row {@code r} of {@link #decisionGrid}, for callers that compute the surface a row at a time. */
    public double[] decisionRow(int n, double[][] range, int r) {
        double[] out = new double[n];
        double[] p = new double[2];
        p[1] = range[1][0] + r * (range[1][1] - range[1][0]) / (n - 1);
        for (int c = 0; c < n; c++) {
            p[0] = range[0][0] + c * (range[0][1] - range[0][0]) / (n - 1);
            out[c] = net.probability(p);
        }
        return out;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = batchRng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    private static double norm(double[] v, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += v[i] * v[i];
        }
        return Math.sqrt(sum);
    }
}
