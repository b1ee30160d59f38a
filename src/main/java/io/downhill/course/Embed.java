package io.downhill.course;

import io.downhill.widget.Predict;
import io.downhill.widget.WidgetSpec;

/**
 * What the page shows in place of an embedded block: a widget, a quiz, or (in dev mode) the
 * error that keeps it from being either, named by file and line.
 */
public record Embed(int index, WidgetSpec widget, Quiz quiz, String error, Predict predict) {
    public Embed(int index, WidgetSpec widget, Quiz quiz, String error) {
        this(index, widget, quiz, error, null);
    }

    public static String placeholder(int index) {
        return "<div data-embed-slot=\"" + index + "\"></div>";
    }

    public boolean isError() {
        return error != null;
    }
}
