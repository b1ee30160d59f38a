package io.downhill.optim;

import io.downhill.optim.optimizers.HyperParams;
import io.downhill.optim.optimizers.Optimizer;
import io.downhill.optim.optimizers.OptimizerType;
import java.util.List;

/**
 * A toy optimizer that exists only in the tests, written the way a new optimizer is added: one
 * file with the update and its registration entry. Sign descent: θ ← θ − γ·sign(g), sign(0) = 0.
 */
final class SignDescent implements Optimizer {
    static final OptimizerType TYPE = new OptimizerType("sign", "Sign descent", "adagrad", 0.05, null,
            "steps of fixed length γ per coordinate, downhill: θ ← θ − γ·sign(g)",
            List.of(OptimizerType.lr(0.01), OptimizerType.clip()),
            (hyper, dimension) -> new SignDescent());

    @Override
    public void step(double[] params, double[] grad, double lr) {
        for (int i = 0; i < params.length; i++) {
            params[i] = params[i] - lr * Math.signum(grad[i]);
        }
    }

    @Override
    public void configure(HyperParams hyper) {
        // only lr, which the run's schedule owns
    }
}
