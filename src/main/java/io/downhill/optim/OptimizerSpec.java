package io.downhill.optim;

import io.downhill.optim.optimizers.OptimizerType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated {@code optimizer} part of a spec: its type and every torch hyper-parameter with
 * defaults filled in, keyed by torch's names ({@code lr}, {@code momentum}, {@code betas} as a list
 * of two Doubles, ..., {@code clip_grad_norm} = null when off).
 */
public record OptimizerSpec(OptimizerType type, Map<String, Object> params) {
    public OptimizerSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The name the spec uses, e.g. "adam". */
    public String name() {
        return type.name();
    }

    /** The base learning rate. */
    public double lr() {
        return (Double) params.get("lr");
    }
}
