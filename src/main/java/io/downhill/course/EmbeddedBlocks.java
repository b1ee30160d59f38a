package io.downhill.course;

import io.downhill.optim.Work;
import io.downhill.optim.nn.NetSpec;
import io.downhill.widget.DeepGradients;
import io.downhill.widget.WidgetException;
import io.downhill.widget.Widgets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the YAML of an embedded block into its spec, with problems at the right file line. */
final class EmbeddedBlocks {
    /**
     * A widget whose training the server would refuse shows learners an error instead of a network,
     * so the check refuses it first. The depth slider goes this high whatever the block's own
     * depth; the widget trains on 200 points in batches of 32.
     */
    static final int DEPTH_SLIDER_MAX = 30;
    static final int POINTS = 200;
    static final int BATCH = 32;

    private EmbeddedBlocks() {}

    /**
     * Why the server would refuse this widget's training at the deepest network a learner can pick,
     * or null: the same estimate and bounds as the training endpoint.
     */
    static String overWorkBound(DeepGradients deep) {
        NetSpec deepest = new NetSpec(DEPTH_SLIDER_MAX, deep.width(), deep.activation(), deep.init(), deep.residual(),
                null, deep.weightDecay(), deep.optimizer(), deep.lr(), BATCH, 1);
        if (Work.trainingUpdate(deepest, POINTS) > Work.MAX_PIECE) {
            return String.format(java.util.Locale.ROOT, "one training update of a %d-layer network of width %d is over the"
                    + " server's bound; lower 'width'", DEPTH_SLIDER_MAX, deep.width());
        }
        long work = Work.trainingStream(deepest, POINTS, deep.maxSteps());
        if (work > Work.MAX_TRAINING) {
            int fits = 1;
            for (int step = 1 << 12; step > 0; step >>= 1) {
                if (Work.trainingStream(deepest, POINTS, fits + step) <= Work.MAX_TRAINING) {
                    fits += step;
                }
            }
            return String.format(java.util.Locale.ROOT, "training this network is over the server's work bound: at %d hidden"
                    + " layers (the most a learner can pick) it costs about %.1e units, at most %.0e; lower 'max_steps' to about %d"
                    + " or 'width'", DEPTH_SLIDER_MAX, (double) work, (double) Work.MAX_TRAINING, fits);
        }
        return null;
    }

    /** The widget, or null with issues added. {@code firstLine} is the file line of the YAML's first line. */
    static Widgets.Block widget(String file, String yaml, int firstLine, List<ContentIssue> issues) {
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
            Widgets.Block widget = Widgets.read(plain);
            if (widget.spec() instanceof DeepGradients deep) {
                String overBound = overWorkBound(deep);
                if (overBound != null) {
                    YamlFields.Located at = fields.containsKey("max_steps") ? fields.get("max_steps") : fields.get("type");
                    issues.add(ContentIssue.error(file, at.line(), "widget: " + overBound));
                    return null;
                }
            }
            return widget;
        } catch (WidgetException e) {
            YamlFields.Located at = e.key() == null ? null : fields.get(e.key());
            int line = at == null ? firstLine - 1 : at.line();
            issues.add(ContentIssue.error(file, line, "widget: " + e.getMessage()));
            return null;
        }
    }
}
