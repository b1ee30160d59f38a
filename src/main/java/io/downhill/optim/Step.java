package io.downhill.optim;

import java.util.Arrays;
import java.util.Objects;

/**
 * The state after {@code t} updates (t=0 is the start point).
 *
 * @param params parameters after t updates
 * @param loss the full objective at {@code params}, even when gradients are mini-batch ones, so loss
 *     curves of different batch sizes are comparable
 * @param grad the raw gradient at {@code params} that the update t -> t+1 uses (the mini-batch
 *     gradient for data problems with batch_size < n), before clipping and weight decay
 * @param gradNorm Euclidean norm of {@code grad}
 * @param lr the learning rate of the update t -> t+1, after the schedule and any change at t
 * @param velocity the momentum buffer that produced {@code params}; null unless the optimizer
 *     currently has one (sgd or rmsprop with momentum > 0); all zeros at t=0
 * @param mHat Adam's bias-corrected first moment that produced {@code params}; null unless
 *     adam/adamw; all zeros at t=0
 * @param vHat Adam's bias-corrected second moment under the square root (with amsgrad: the running
 *     maximum, bias-corrected); null unless adam/adamw; all zeros at t=0
 * @param effectiveLr per-coordinate step factor, so that the update was exactly
 *     {@code params -= effectiveLr * mHat}; null unless adam/adamw; all zeros at t=0
 */
public record Step(
        int t,
        double[] params,
        double loss,
        double[] grad,
        double gradNorm,
        double lr,
        double[] velocity,
        double[] mHat,
        double[] vHat,
        double[] effectiveLr) {

    // Arrays compare by content (bit patterns, so NaN equals NaN), which is what determinism means.
    @Override
    public boolean equals(Object o) {
        return o instanceof Step s
                && t == s.t
                && Double.compare(loss, s.loss) == 0
                && Double.compare(gradNorm, s.gradNorm) == 0
                && Double.compare(lr, s.lr) == 0
                && Arrays.equals(params, s.params)
                && Arrays.equals(grad, s.grad)
                && Arrays.equals(velocity, s.velocity)
                && Arrays.equals(mHat, s.mHat)
                && Arrays.equals(vHat, s.vHat)
                && Arrays.equals(effectiveLr, s.effectiveLr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(t, loss, gradNorm, lr, Arrays.hashCode(params), Arrays.hashCode(grad));
    }

    @Override
    public String toString() {
        return "Step[t=" + t + ", params=" + Arrays.toString(params) + ", loss=" + loss
                + ", grad=" + Arrays.toString(grad) + ", gradNorm=" + gradNorm + ", lr=" + lr
                + (velocity == null ? "" : ", velocity=" + Arrays.toString(velocity))
                + (mHat == null ? "" : ", mHat=" + Arrays.toString(mHat))
                + (vHat == null ? "" : ", vHat=" + Arrays.toString(vHat))
                + (effectiveLr == null ? "" : ", effectiveLr=" + Arrays.toString(effectiveLr))
                + "]";
    }
}
