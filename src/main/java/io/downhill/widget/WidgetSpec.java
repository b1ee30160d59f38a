package io.downhill.widget;

/**
 * A widget's own keys as an author configured them in a {@code widget} block, validated and with
 * defaults filled in; the keys every type shares are in {@link Shared}.
 */
public interface WidgetSpec {
    /** The widget type as written in markdown, e.g. {@code descent-2d}; also its template and script name. */
    String type();

    /** The problem the widget opens with. */
    String problem();

    /** A spec whose runs have a step limit. */
    interface Stepped extends WidgetSpec {
        int maxSteps();
    }
}
