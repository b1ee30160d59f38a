package io.downhill.course;

import io.downhill.widget.DeepGradients;
import io.downhill.widget.WidgetException;
import io.downhill.widget.WidgetSpec;
import io.downhill.widget.Widgets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the YAML of an embedded block into its spec, with problems at the right file line. */
final class EmbeddedBlocks {
    /**
     * The training endpoint refuses more work than this (max_steps × depth × width² × (batch + points));
     * a widget over it would show learners an error instead of a network, so the check refuses it first.
     */
    static final double TRAINING_MAX_WORK = 3e9;
    /** The depth slider goes this high whatever the block's own depth, with the widget's 32 samples of 200 points. */
    static final int DEPTH_SLIDER_MAX = 30;
    static final int BATCH_PLUS_POINTS = 32 + 200;

    private EmbeddedBlocks() {}

    static double trainingWork(DeepGradients deep) {
        return (double) deep.maxSteps() * DEPTH_SLIDER_MAX * deep.width() * deep.width() * BATCH_PLUS_POINTS;
    }

    /** The widget, or null with issues added. {@code firstLine} is the file line of the YAML's first line. */
    static WidgetSpec widget(String file, String yaml, int firstLine, List<ContentIssue> issues) {
        Map<String, YamlFields.Located> fields = YamlFields.read(file, yaml, firstLine, issues);
        if (fields == null) {
            return null;
        }
        if (fields.isEmpty()) {
            issues.add(ContentIssue.error(file, firstLine - 1, "empty widget block: give at least 'type:'"));
            return null;
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        fields.forEach((key, located) -> plain.put(key, located.plain()));
        try {
            WidgetSpec spec = Widgets.parse(plain);
            if (spec instanceof DeepGradients deep && trainingWork(deep) > TRAINING_MAX_WORK) {
                YamlFields.Located at = fields.containsKey("max_steps") ? fields.get("max_steps") : fields.get("type");
                issues.add(ContentIssue.error(file, at.line(), String.format(java.util.Locale.ROOT,
                        "widget: training this network is over the server's work bound: max_steps × %d (the most hidden layers"
                                + " a learner can pick) × width² × %d ≈ %.1e, at most 3e9; lower 'max_steps' to %d or 'width'",
                        DEPTH_SLIDER_MAX, BATCH_PLUS_POINTS, trainingWork(deep),
                        (long) (TRAINING_MAX_WORK / ((double) DEPTH_SLIDER_MAX * deep.width() * deep.width() * BATCH_PLUS_POINTS)))));
                return null;
            }
            return spec;
        } catch (WidgetException e) {
            YamlFields.Located at = e.key() == null ? null : fields.get(e.key());
            int line = at == null ? firstLine - 1 : at.line();
            issues.add(ContentIssue.error(file, line, "widget: " + e.getMessage()));
            return null;
        }
    }
}
