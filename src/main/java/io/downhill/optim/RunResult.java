package io.downhill.optim;

import java.util.List;

/** A whole trajectory: every step from t=0 to the last one, and why the run stopped. */
public record RunResult(List<Step> steps, Status status) {
    public RunResult {
        steps = List.copyOf(steps);
    }
}
