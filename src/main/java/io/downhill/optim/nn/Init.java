package io.downhill.optim.nn;

import io.downhill.optim.SpecException;
import java.util.Locale;

/**
 * How the weights start: N(0, std²) with std from the layer's fan-in and fan-out. Biases start at 0.
 * "normal" is unscaled on purpose, to show saturation and explosion.
 */
public enum Init {
    NORMAL("Normal (std 1)"),
    XAVIER("Xavier"),
    HE("He");

    private final String label;

    Init(String label) {
        this.label = label;
    }

    /** The name a spec uses: "normal", "xavier" or "he". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name people read. */
    public String label() {
        return label;
    }

    /** normal 1; xavier √(2/(fan_in + fan_out)); he √(2/fan_in). */
    double std(int fanIn, int fanOut) {
        return switch (this) {
            case XAVIER -> StrictMath.sqrt(2.0 / (fanIn + fanOut));
            case HE -> StrictMath.sqrt(2.0 / fanIn);
            case NORMAL -> 1.0;
        };
    }

    public static Init parse(String id) {
        for (Init i : values()) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        throw new SpecException("init", "must be one of normal, xavier, he");
    }
}
