package io.downhill.optim.optimizers;

import io.downhill.optim.ParamDef;
import io.downhill.optim.Range;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything the course knows about one optimizer, in one place: the name a spec uses, its
 * parameters (validation, defaults and the catalogue all come from these), how to build one, the
 * label people read, its colour (the CSS custom property {@code --opt-<colourKey>}) and the
 * learning rate a widget starts it at when the lesson gives none.
 *
 * @param torchName the torch.optim class it mirrors (for the PyTorch export), or null if none
 * @param params must include {@code lr}; the spec's keys, in the order torch's signature lists them
 * @param rules what the parameters must obey together, beyond each one's own range
 */
public record OptimizerType(
        String name,
        String label,
        String colourKey,
        double widgetLr,
        String torchName,
        String description,
        List<ParamDef> params,
        Factory factory,
        List<Rule> rules) {

    /** Builds a fresh optimizer (all state zero) for a parameter vector of {@code dimension}. */
    @FunctionalInterface
    public interface Factory {
        Optimizer create(HyperParams hyper, int dimension);
    }

    /**
     * A rule between parameters that no one parameter's range can state, checked on the whole set
     * of values a run starts with and again after each mid-run change. A spec that breaks it is
     * refused naming {@code param}; a change that breaks it, the first of {@code involves} it sets.
     *
     * @param holds true when the values (every parameter, defaults filled in) obey the rule
     */
    public record Rule(String param, List<String> involves, String detail, Predicate<Map<String, Object>> holds) {
        public Rule {
            involves = List.copyOf(involves);
        }
    }

    /** An optimizer whose parameters need no rule between them. */
    public OptimizerType(String name, String label, String colourKey, double widgetLr, String torchName,
                         String description, List<ParamDef> params, Factory factory) {
        this(name, label, colourKey, widgetLr, torchName, description, params, factory, List.of());
    }

    /** The largest learning rate any spec may ask for. */
    public static final double MAX_LR = 10;
    /** torch.nn.utils.clip_grad_norm_'s max_norm; the run applies it, not the optimizer. */
    public static final String CLIP = "clip_grad_norm";

    public OptimizerType {
        params = List.copyOf(params);
        rules = List.copyOf(rules);
        if (params.stream().noneMatch(p -> p.name().equals("lr"))) {
            throw new IllegalArgumentException("optimizer " + name + " needs an lr parameter");
        }
        if (!(widgetLr > 0 && widgetLr <= MAX_LR)) {
            throw new IllegalArgumentException("optimizer " + name + ": widgetLr must be > 0 and <= " + MAX_LR);
        }
    }

    /** An optimizer with every parameter at its default except those in {@code overrides}. */
    public Optimizer create(Map<String, Object> overrides, int dimension) {
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach(p -> values.put(p.name(), p.defaultValue()));
        values.putAll(overrides);
        return factory.create(new HyperParams(values), dimension);
    }

    /** The learning rate γ, > 0 and <= {@link #MAX_LR}. */
    public static ParamDef lr(double def) {
        return ParamDef.number("lr", def, Range.aboveUpTo(0, MAX_LR), "learning rate γ");
    }

    public static ParamDef weightDecay(double def) {
        return ParamDef.number("weight_decay", def, Range.closed(0, 10), "weight decay λ");
    }

    public static ParamDef eps(double def) {
        return ParamDef.number("eps", def, Range.closed(0, 1), "ε added to the denominator");
    }

    /** Gradient clipping, off by default; every built-in optimizer offers it. */
    public static ParamDef clip() {
        return ParamDef.optionalNumber(CLIP, Range.aboveUpTo(0, 1e6),
                "max_norm of torch.nn.utils.clip_grad_norm_ applied before the step; null = no clipping");
    }
}
