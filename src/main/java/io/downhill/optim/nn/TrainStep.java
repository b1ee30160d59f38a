package io.downhill.optim.nn;

import java.util.Arrays;

/**
 * What one mini-batch update did.
 *
 * @param t number of updates so far, counting this one (1 for the first step)
 * @param loss mean cross-entropy over the whole dataset after the update
 * @param accuracy fraction of the whole dataset classified correctly after the update
 * @param layerGradNorms L2 norm of each layer's weight gradient on the batch (biases left out),
 *     input layer first, output layer last; raw, before clipping and weight decay
 * @param totalGradNorm L2 norm of the whole batch gradient (weights and biases) before clipping,
 *     as clip_grad_norm_ returns it
 * @param clipped whether clipping scaled the gradient down on this step
 */
public record TrainStep(int t, double loss, double accuracy, double[] layerGradNorms,
        double totalGradNorm, boolean clipped) {

    public TrainStep {
        layerGradNorms = layerGradNorms.clone();
    }

    /** A copy, so that a step stays a value. */
    @Override
    public double[] layerGradNorms() {
        return layerGradNorms.clone();
    }

    // the array component needs content equality for "same spec → equal steps" to be checkable
    @Override
    public boolean equals(Object o) {
        return o instanceof TrainStep s
                && t == s.t
                && Double.compare(loss, s.loss) == 0
                && Double.compare(accuracy, s.accuracy) == 0
                && Arrays.equals(layerGradNorms, s.layerGradNorms)
                && Double.compare(totalGradNorm, s.totalGradNorm) == 0
                && clipped == s.clipped;
    }

    @Override
    public int hashCode() {
        int r = Integer.hashCode(t);
        r = 31 * r + Double.hashCode(loss);
        r = 31 * r + Double.hashCode(accuracy);
        r = 31 * r + Arrays.hashCode(layerGradNorms);
        r = 31 * r + Double.hashCode(totalGradNorm);
        return 31 * r + Boolean.hashCode(clipped);
    }

    @Override
    public String toString() {
        return "TrainStep[t=" + t + ", loss=" + loss + ", accuracy=" + accuracy
                + ", layerGradNorms=" + Arrays.toString(layerGradNorms)
                + ", totalGradNorm=" + totalGradNorm + ", clipped=" + clipped + "]";
    }
}
