package io.downhill.course;

import io.downhill.widget.Predict;
import io.downhill.widget.Shared;
import io.downhill.widget.Widgets;
import io.downhill.widget.WidgetSpec;

/**
 * What the page shows in place of an embedded block: a widget, a quiz, or (in dev mode) the
 * error that keeps it from being either, named by file and line.
 */
public record Embed(int index, Widgets.Block block, Quiz quiz, String error) {
    public WidgetSpec widget() {
        return block == null ? null : block.spec();
    }

    public Shared shared() {
        return block == null ? null : block.shared();
    }

    public Predict predict() {
        return block == null ? null : block.predict();
    }

    public static String placeholder(int index) {
        return "<div data-embed-slot=\"" + index + "\"></div>";
    }

    public boolean isError() {
        return error != null;
    }
}
