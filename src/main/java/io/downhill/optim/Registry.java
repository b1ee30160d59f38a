package io.downhill.optim;

import io.downhill.optim.optimizers.OptimizerType;
import io.downhill.optim.optimizers.OptimizerTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The optimizers a spec may name. A value, not a global: the server uses {@link #BUILT_IN}, and
 * code that needs another optimizer (a test, a fork of the course) builds its own with
 * {@link #with} and parses specs through it; a parsed spec carries its optimizer's type, so a
 * {@link Run} needs no registry.
 */
public record Registry(List<OptimizerType> optimizers) {
    public static final Registry BUILT_IN = new Registry(OptimizerTypes.BUILT_IN);

    public Registry {
        optimizers = List.copyOf(optimizers);
        var seen = new HashSet<String>();
        for (OptimizerType t : optimizers) {
            if (!seen.add(t.name())) {
                throw new IllegalArgumentException("optimizer " + t.name() + " is registered twice");
            }
        }
    }

    /** This registry and one more optimizer, listed last. */
    public Registry with(OptimizerType extra) {
        List<OptimizerType> all = new ArrayList<>(optimizers);
        all.add(extra);
        return new Registry(all);
    }

    /** The optimizer named {@code name}, or null. */
    public OptimizerType optimizer(String name) {
        for (OptimizerType t : optimizers) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    public List<String> optimizerNames() {
        return optimizers.stream().map(OptimizerType::name).toList();
    }

    /** As {@link RunSpec#fromJson}, with this registry's optimizers. */
    public RunSpec parse(Map<String, Object> json) {
        return SpecParser.parse(json, this);
    }
}
