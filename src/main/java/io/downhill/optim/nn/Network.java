package io.downhill.optim.nn;

import java.util.SplittableRandom;

/**
 * A fully connected network from 2 inputs to one logit, with backpropagation written out by hand.
 *
 * <p><b>Shape.</b> Layers are numbered 0..depth. Hidden layer l (0 ≤ l < depth) computes
 *
 * <pre>
 * z_l = W_l·a_l + b_l          (pre-activation)
 * h_l = f(z_l)                 (activation)
 * a_{l+1} = h_l + a_l          if residual and l ≥ 1 (the widths match)
 * a_{l+1} = h_l                otherwise
 * </pre>
 *
 * with a_0 = x. The output layer l = depth computes the logit s = W_depth·a_depth + b_depth and
 * has no activation: the probability of class 1 is p = σ(s).
 *
 * <p><b>Loss.</b> Binary cross-entropy of one point with label y, written in terms of the logit:
 * ℓ = −y·log σ(s) − (1 − y)·log(1 − σ(s)) = log(1 + eˢ) − y·s, evaluated as
 * max(s, 0) − y·s + log1p(e^−|s|) so that it never overflows. Its derivative is simply
 * dℓ/ds = σ(s) − y. A batch's loss is the mean over its points.
 *
 * <p><b>Backward pass</b> (the chain rule, layer by layer from the output; δ = ∂ℓ/∂(·)):
 *
 * <pre>
 * δs = σ(s) − y
 * ∂W_depth = δs·a_depthᵀ,   ∂b_depth = δs,   δa_depth = W_depthᵀ·δs
 * for l = depth−1 … 0:
 *     δz_l = δa_{l+1} ⊙ f'(z_l)
 *     ∂W_l = δz_l·a_lᵀ,     ∂b_l = δz_l
 *     δa_l = W_lᵀ·δz_l  (+ δa_{l+1} if layer l has the skip: the identity passes δ unchanged)
 * </pre>
 *
 * The skip's "+ δa_{l+1}" is the whole point of residual networks: the gradient reaches early
 * layers along the identity path even when every f'(z) is small.
 *
 * <p><b>Parameters</b> live in one flat array (so the optimizers can treat them as a vector),
 * layer by layer: W_l row-major (rows = outputs, columns = inputs), then b_l. An instance keeps
 * scratch buffers for the forward and backward passes, so it is not thread-safe.
 */
public final class Network {
    private final int depth;
    private final int width;
    private final Activation activation;
    private final boolean residual;
    private final int[] rows;
    private final int[] cols;
    private final int[] offset; // where W_l starts; b_l follows it
    private final double[] params;

    // forward-pass values of the last point, kept for the backward pass
    private final double[][] a; // a[l] = input of layer l, a[0] = x
    private final double[][] z; // z[l] = pre-activation of layer l (z[depth][0] is the logit)
    private final double[][] h; // h[l] = f(z[l]) for hidden layers
    private final double[] deltaA;
    private final double[] deltaPrev;
    private final double[] deltaZ;

    /** A network of the given shape with all parameters 0; set them through {@link #params()}. */
    public Network(int depth, int width, Activation activation, boolean residual) {
        this.depth = depth;
        this.width = width;
        this.activation = activation;
        this.residual = residual;
        rows = new int[depth + 1];
        cols = new int[depth + 1];
        offset = new int[depth + 1];
        int total = 0;
        for (int l = 0; l <= depth; l++) {
            rows[l] = l == depth ? 1 : width;
            cols[l] = l == 0 ? 2 : width;
            offset[l] = total;
            total += rows[l] * cols[l] + rows[l];
        }
        params = new double[total];
        a = new double[depth + 1][];
        z = new double[depth + 1][];
        h = new double[depth][];
        for (int l = 0; l <= depth; l++) {
            a[l] = new double[cols[l]];
            z[l] = new double[rows[l]];
            if (l < depth) {
                h[l] = new double[rows[l]];
            }
        }
        // the input layer's δa has 2 entries, which can exceed width
        deltaA = new double[Math.max(width, 2)];
        deltaPrev = new double[Math.max(width, 2)];
        deltaZ = new double[width];
    }

    /**
     * The network {@code spec} describes, weights drawn from {@code rng} in parameter order:
     * normal N(0, 1); xavier N(0, 2/(fan_in + fan_out)); he N(0, 2/fan_in). Biases are 0.
     */
    public static Network initialized(NetSpec spec, SplittableRandom rng) {
        Network net = new Network(spec.depth(), spec.width(), Activation.parse(spec.activation()),
                spec.residual());
        for (int l = 0; l <= net.depth; l++) {
            int fanIn = net.cols[l];
            int fanOut = net.rows[l];
            double std = Init.parse(spec.init()).std(fanIn, fanOut);
            int w = net.offset[l];
            for (int i = 0; i < fanIn * fanOut; i++) {
                net.params[w + i] = std * Datasets.gaussian(rng);
            }
        }
        return net;
    }

    /** The live parameter vector (layout in the class comment). */
    public double[] params() {
        return params;
    }

    /** Number of weight layers, depth + 1 (the hidden layers and the output layer). */
    public int layers() {
        return depth + 1;
    }

    /** Index in {@link #params()} of W_l[0][0]. */
    public int weightOffset(int layer) {
        return offset[layer];
    }

    /** Number of entries of W_l (outputs × inputs). */
    public int weightCount(int layer) {
        return rows[layer] * cols[layer];
    }

    /** Index in {@link #params()} of b_l[0]. */
    public int biasOffset(int layer) {
        return offset[layer] + rows[layer] * cols[layer];
    }

    /** The logit s for input {@code x}: the forward pass, which also fills the scratch buffers. */
    public double logit(double[] x) {
        a[0][0] = x[0];
        a[0][1] = x[1];
        for (int l = 0; l < depth; l++) {
            affine(l, a[l], z[l]);
            boolean skip = residual && l >= 1;
            for (int i = 0; i < rows[l]; i++) {
                h[l][i] = activation.apply(z[l][i]);
                a[l + 1][i] = skip ? h[l][i] + a[l][i] : h[l][i];
            }
        }
        affine(depth, a[depth], z[depth]);
        return z[depth][0];
    }

    /** The predicted probability of class 1, σ(s). */
    public double probability(double[] x) {
        return Activation.sigmoid(logit(x));
    }

    /** Mean binary cross-entropy over all of {@code data}. */
    public double loss(Dataset data) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            sum += bce(logit(data.x()[i]), data.y()[i]);
        }
        return sum / data.size();
    }

    /** Fraction of {@code data} classified correctly (p ≥ 1/2, i.e. s ≥ 0, predicts class 1). */
    public double accuracy(Dataset data) {
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            int predicted = logit(data.x()[i]) >= 0 ? 1 : 0;
            if (predicted == data.y()[i]) {
                right++;
            }
        }
        return (double) right / data.size();
    }

    /**
     * Mean loss over the points {@code idx[from..to)} of {@code data}, and its gradient with
     * respect to every parameter written into {@code grad} (same layout as {@link #params()}).
     */
    public double lossAndGradient(Dataset data, int[] idx, int from, int to, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        int m = to - from;
        double sum = 0;
        for (int k = from; k < to; k++) {
            int i = idx[k];
            double s = logit(data.x()[i]);
            sum += bce(s, data.y()[i]);
            // the batch loss is a mean, so each point's gradient carries a factor 1/m
            backward((Activation.sigmoid(s) - data.y()[i]) / m, grad);
        }
        return sum / m;
    }

    /**
     * Adds to {@code grad} the gradient of one point's loss, given δs = ∂loss/∂s for the point
     * whose forward pass {@link #logit} ran last.
     */
    private void backward(double deltaS, double[] grad) {
        // output layer: s = W·a + b with a single output row
        int w = offset[depth];
        int b = biasOffset(depth);
        for (int j = 0; j < cols[depth]; j++) {
            grad[w + j] += deltaS * a[depth][j];
            deltaA[j] = params[w + j] * deltaS;
        }
        grad[b] += deltaS;
        // hidden layers, last to first; deltaA holds ∂loss/∂a_{l+1} on entry
        for (int l = depth - 1; l >= 0; l--) {
            w = offset[l];
            b = biasOffset(l);
            int n = rows[l];
            int in = cols[l];
            for (int i = 0; i < n; i++) {
                deltaZ[i] = deltaA[i] * activation.derivative(z[l][i], h[l][i]);
            }
            boolean skip = residual && l >= 1;
            for (int j = 0; j < in; j++) {
                deltaPrev[j] = skip ? deltaA[j] : 0;
            }
            for (int i = 0; i < n; i++) {
                double dz = deltaZ[i];
                int row = w + i * in;
                for (int j = 0; j < in; j++) {
                    grad[row + j] += dz * a[l][j];
                    deltaPrev[j] += params[row + j] * dz;
                }
                grad[b + i] += dz;
            }
            System.arraycopy(deltaPrev, 0, deltaA, 0, in);
        }
    }

    /** out = W_l·in + b_l. */
    private void affine(int l, double[] in, double[] out) {
        int w = offset[l];
        int b = biasOffset(l);
        int n = cols[l];
        for (int i = 0; i < rows[l]; i++) {
            double sum = params[b + i];
            int row = w + i * n;
            for (int j = 0; j < n; j++) {
                sum += params[row + j] * in[j];
            }
            out[i] = sum;
        }
    }

    /** Binary cross-entropy from the logit, max(s, 0) − y·s + log1p(e^−|s|). */
    static double bce(double s, int y) {
        return Math.max(s, 0) - y * s + StrictMath.log1p(StrictMath.exp(-Math.abs(s)));
    }
}
