package io.downhill.optim.optimizers;

import java.util.List;

/** The optimizers the course offers, in the order menus and the catalogue list them. */
public final class OptimizerTypes {
    private OptimizerTypes() {}

    public static final List<OptimizerType> BUILT_IN = List.of(
            Sgd.SGD,
            Sgd.MOMENTUM,
            Sgd.NESTEROV,
            Adagrad.TYPE,
            RmsProp.TYPE,
            Adam.ADAM,
            Adam.ADAMW);
}
