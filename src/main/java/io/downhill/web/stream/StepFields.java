package io.downhill.web.stream;

import io.downhill.web.ApiProblem;
import java.util.List;

/**
 * Which parts of a step a stream sends: {@code ?fields=params,loss,grad_norm,lr}. Widgets draw a
 * few numbers per step; Adam's moment terms triple the size of a frame, so they ask for less.
 */
public record StepFields(int mask) {
    static final int PARAMS = 1;
    static final int LOSS = 2;
    static final int GRAD = 4;
    static final int GRAD_NORM = 8;
    static final int LR = 16;
    static final int VELOCITY = 32;
    static final int ADAM = 64;
    /** What the loss_change and param_change rules compare with their tolerances; only when asked for. */
    static final int MEASURES = 128;
    /**
     * Not a field: every number to a float's precision (about 7 significant digits), for a chart
     * that draws the run. Long runs of 17-digit doubles were most of a lesson's first load; gzip
     * halves a rounded run (3,000 steps: 43 KB, not 85 KB). Downloads ask without it.
     */
    static final int ROUNDED = 256;
    static final List<String> NAMES = List.of("params", "loss", "grad", "grad_norm", "lr", "velocity", "adam", "measures", "rounded");
    /** Every field but the stopping measures, which a run's own answer has never carried. */
    public static final StepFields ALL = new StepFields(127);

    boolean has(int field) {
        return (mask & field) != 0;
    }

    /** Parses the comma list; null or empty means every field, as does "rounded" alone. */
    public static StepFields parse(String list) {
        if (list == null || list.isBlank()) {
            return ALL;
        }
        int mask = 0;
        for (String name : list.split(",")) {
            int i = NAMES.indexOf(name.strip());
            if (i < 0) {
                throw ApiProblem.badRequest("fields", "must list some of " + String.join(", ", NAMES) + ", not '" + name.strip() + "'");
            }
            mask |= 1 << i;
        }
        return new StepFields(mask == ROUNDED ? ALL.mask | ROUNDED : mask);
    }
}
