package io.downhill.widget;

import java.util.List;
import java.util.Map;

/** Reads a {@code widget} block's YAML mapping into the spec record of its type. */
public final class Widgets {
    public static final List<String> TYPES = List.of("descent-1d", "descent-2d", "lr-compare", "optimizer-race",
            "schedule-explorer", "stopping-rules", "batch-noise", "custom-function", "gradient-lab",
            "landscape-traps", "deep-gradients", "rate-map");

    private Widgets() {}

    /** A widget block read: its type's spec, and the prediction it asks for (null: none). */
    public record Block(WidgetSpec spec, Predict predict) {}

    public static WidgetSpec parse(Map<String, Object> yaml) {
        return read(yaml).spec();
    }

    /** Reads a block; {@code predict} is shared by every type, so it is read here, not by each type. */
    public static Block read(Map<String, Object> yaml) {
        Fields f = new Fields(yaml);
        if (yaml.get("type") == null) {
            throw new WidgetException(null, "a widget block needs 'type:', one of " + String.join(", ", TYPES));
        }
        String type = f.choice("type", "", TYPES);
        WidgetSpec spec = switch (type) {
            case "descent-1d" -> Descent1d.from(f);
            case "descent-2d" -> Descent2d.from(f);
            case "lr-compare" -> LrCompare.from(f);
            case "optimizer-race" -> OptimizerRace.from(f);
            case "schedule-explorer" -> ScheduleExplorer.from(f);
            case "stopping-rules" -> StoppingRules.from(f);
            case "batch-noise" -> BatchNoise.from(f);
            case "custom-function" -> CustomFunction.from(f);
            case "gradient-lab" -> GradientLab.from(f);
            case "landscape-traps" -> LandscapeTraps.from(f);
            case "deep-gradients" -> DeepGradients.from(f);
            case "rate-map" -> RateMap.from(f);
            default -> throw new WidgetException("type", "unknown widget type '" + type + "'");
        };
        Predict predict = Predict.from(f);
        f.rejectUnknown(type);
        return new Block(spec, predict);
    }
}
