package io.downhill.optim.schedules;

/**
 * A learning-rate schedule, stepped once per optimisation step as torch's
 * {@code optimizer.step(); scheduler.step()} loop does: {@code lr(t)} is the rate the update
 * t → t+1 uses, i.e. the group's lr after t scheduler steps ({@code last_epoch = t}).
 */
public interface Schedule {
    /** The lr of the update t → t+1 (t ≥ 0). Closed-form schedules are pure in t. */
    double lr(int t);

    /**
     * A mid-run change of the optimizer's lr. Closed-form schedules take it as their new base lr and
     * carry on with the same formula; ReduceLROnPlateau takes it as its current lr.
     */
    void setBaseLr(double lr);

    /** The full loss after t updates (t ≥ 1), delivered before {@code lr(t)} is asked. */
    default void observe(int t, double loss) {}
}
