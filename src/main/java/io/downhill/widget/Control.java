package io.downhill.widget;

import java.util.List;
import java.util.Map;

/**
 * One thing a learner can change in a widget, as the server allows it. The page renders it and the
 * browser sends its value back; the browser never decides a bound.
 *
 * @param name      its id in the page ({@code data-control}) and in the state sent for runs
 * @param kind      {@code slider}, {@code select}, {@code toggle}, {@code press} (a toggle drawn as a button),
 *                  {@code text}, or {@code point} (set on a chart)
 * <p>Only a slider has {@code min}, {@code max}, {@code scale} and {@code step}; the rest are null.
 *
 * @param min       a slider's lowest value: the engine parameter's range intersected with the widget's
 * @param scale     {@code linear} or {@code log}; a log slider moves in steps of {@link #step} in log10
 * @param step      a slider's step, in log10 for a log slider, so one arrow press changes the value
 * @param value     the block's value: a number, a name, a boolean, or a list of numbers for a point
 * @param options   a select's choices with the names people read
 * @param axes      a point's bounds, one [low, high] per coordinate
 * @param path      the run spec field it sets, e.g. {@code optimizer.lr}; null for what only the view uses
 * @param hash      its key in the page address, kept short and stable so shared links go on working
 * @param live      while a run plays, a change forks the run from the current step instead of restarting it
 * @param dependsOn the control whose value decides this one's label ({@code labels}); a value with
 *                  no label there leaves this control unused
 * @param resets    controls whose values a change of this one drops, back to what the server picks
 *                  (a new function has its own start)
 * @param text      a text box's button and checker (its value is sent when the button is pressed,
 *                  not on every key; {@code max} is then its longest length); null for other kinds
 */
public record Control(String name, String kind, String label, Double min, Double max, String scale, Double step,
                      Object value, List<Option> options, List<List<Double>> axes, String path, String hash,
                      boolean live, String dependsOn, Map<String, String> labels, List<String> resets, TextBox text) {

    public record Option(String value, String label) {}

    /**
     * What a text box needs besides its value: its button's words, and the address (under the API)
     * that checks a text before it is sent, answering {@code {valid, message}} (a typo is an
     * answer there, not a refused request).
     */
    public record TextBox(String submit, String check) {}

    static Control slider(String name, String label, double[] bounds, double step, double value, String path, String hash) {
        return new Control(name, "slider", label, bounds[0], bounds[1], "linear", step, value, null, null, path, hash,
                false, null, null, List.of(), null);
    }

    /** A slider over a log10 scale: 100 steps per decade, each about 2.3%, which three significant digits show. */
    static Control logSlider(String name, String label, double[] bounds, double value, String path, String hash) {
        return logSlider(name, label, bounds, 0.01, value, path, hash);
    }

    /** A slider over a log10 scale moving {@code step} in log10 at a time (0.1: ten steps per decade). */
    static Control logSlider(String name, String label, double[] bounds, double step, double value, String path, String hash) {
        return new Control(name, "slider", label, bounds[0], bounds[1], "log", step, value, null, null, path, hash,
                false, null, null, List.of(), null);
    }

    static Control select(String name, String label, List<String> options, String value, String path, String hash) {
        return namedSelect(name, label, options.stream().map(o -> new Option(o, EngineFacts.label(o))).toList(), value, path, hash);
    }

    /** A select whose options carry the widget's own names for them. */
    static Control namedSelect(String name, String label, List<Option> named, String value, String path, String hash) {
        return new Control(name, "select", label, null, null, null, null, value, named, null, path, hash,
                false, null, null, List.of(), null);
    }

    /**
     * A line of text sent when its button is pressed, such as a function to run on; the server
     * checks it and a refusal is shown beside the box, not in place of the runs.
     */
    static Control text(String name, String label, String value, int maxLength, TextBox box, String path, String hash) {
        return new Control(name, "text", label, null, (double) maxLength, null, null, value, null, null, path, hash,
                false, null, null, List.of(), box);
    }

    /** A checkbox that only changes the view. */
    static Control toggle(String name, String label, boolean value, String hash) {
        return toggleSetting(name, label, value, null, hash);
    }

    /** A checkbox that changes what the server computes ({@code path}). */
    static Control toggleSetting(String name, String label, boolean value, String path, String hash) {
        return new Control(name, "toggle", label, null, null, null, null, value, null, null, path, hash,
                false, null, null, List.of(), null);
    }

    /**
     * A toggle drawn as a pressable button where the widget's template places it (with its icon);
     * its words follow its value: {@code labels} maps "false" and "true" to them.
     */
    static Control press(String name, String label, String pressedLabel, boolean value, String path, String hash) {
        return new Control(name, "press", label, null, null, null, null, value, null, null, path, hash,
                false, null, Map.of("false", label, "true", pressedLabel), List.of(), null);
    }

    static Control point(String name, String label, double[] value, List<double[]> axes, String path, String hash) {
        List<List<Double>> bounds = axes.stream().map(a -> List.of(a[0], a[1])).toList();
        List<Double> start = java.util.Arrays.stream(value).boxed().toList();
        return new Control(name, "point", label, null, null, null, null, start, null, bounds, path, hash,
                false, null, null, List.of(), null);
    }

    /** The same control, forking a playing run when it changes. */
    Control forking() {
        return new Control(name, kind, label, min, max, scale, step, value, options, axes, path, hash, true, dependsOn, labels, resets, text);
    }

    /** The same control, labelled by the value of another and unused where that value has no label. */
    Control labelledBy(String control, Map<String, String> byValue) {
        return new Control(name, kind, label, min, max, scale, step, value, options, axes, path, hash, live, control,
                Map.copyOf(byValue), resets, text);
    }

    /** The same control, dropping the values of {@code others} when it changes. */
    Control resetting(String... others) {
        return new Control(name, kind, label, min, max, scale, step, value, options, axes, path, hash, live, dependsOn, labels,
                List.of(others), text);
    }

    /** The slider's position for a value: log10 of it on a log scale. */
    public double position(double v) {
        return "log".equals(scale) ? Math.log10(v) : v;
    }

    public boolean isLog() {
        return "log".equals(scale);
    }

    /** The widget's own range intersected with the engine's, widened to take in the block's value. */
    static double[] within(double[] widget, double[] engine, double value) {
        double lo = Math.max(widget[0], engine[0]);
        double hi = Math.min(widget[1], engine[1]);
        return new double[] {Math.min(lo, value), Math.max(hi, value)};
    }
}
