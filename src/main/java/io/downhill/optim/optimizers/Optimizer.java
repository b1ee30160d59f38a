package io.downhill.optim.optimizers;

/**
 * One torch.optim algorithm on a single parameter vector. Stateful (moment buffers, step count);
 * hyper-parameters other than lr live in the implementation and may be replaced between steps,
 * which keeps the state, as assigning {@code param_group[...]} does in torch. The lr arrives with
 * each step because the schedule owns it.
 *
 * <p>The buffer accessors return the live internal arrays (callers copy them) as they were after
 * the last step: all zeros before the first step, null when the optimizer has no such term.
 */
public interface Optimizer {
    /**
     * Updates {@code params} in place.
     *
     * @param grad the gradient (already clipped if clipping is on); the optimizer may overwrite it
     * @param lr the learning rate for this step
     */
    void step(double[] params, double[] grad, double lr);

    /** Takes changed hyper-parameters mid-run (every one, changed or not); the state is kept. */
    void configure(HyperParams hyper);

    /** The momentum buffer, or null when the optimizer currently uses none. */
    default double[] velocity() {
        return null;
    }

    /** Adam's bias-corrected first moment m̂, or null. */
    default double[] mHat() {
        return null;
    }

    /** Adam's bias-corrected second moment v̂ as used under the square root, or null. */
    default double[] vHat() {
        return null;
    }

    /** Adam's per-coordinate step factor: the update was {@code params -= effectiveLr * mHat}. */
    default double[] effectiveLr() {
        return null;
    }
}
