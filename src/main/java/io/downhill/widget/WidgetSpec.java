package io.downhill.widget;

/**
 * A widget as an author configured it in a {@code widget} block, validated and with defaults
 * filled in. The page sends it to the widget's script as JSON; the script builds run specs from it.
 */
public sealed interface WidgetSpec permits Descent1d, Descent2d, LrCompare, OptimizerRace, ScheduleExplorer,
        StoppingRules, BatchNoise, CustomFunction, GradientLab,
        LandscapeTraps, DeepGradients, RateMap {
    /** The widget type as written in markdown, e.g. {@code descent-2d}; also its template and script name. */
    String type();

    String caption();

    /** The problem the widget opens with. */
    String problem();

    /** Steps per second the animation starts at. */
    int speed();
}
