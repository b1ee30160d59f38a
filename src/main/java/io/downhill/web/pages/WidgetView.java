package io.downhill.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.downhill.web.Json;
import io.downhill.widget.EngineFacts;
import io.downhill.widget.Control;
import io.downhill.widget.Predict;
import io.downhill.widget.Shared;
import io.downhill.widget.WidgetSpec;
import io.downhill.widget.Widgets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a widget's template needs besides its spec: its id, its config as JSON, its controls, the
 * runs it opens with, and where to ask for others.
 *
 * @param runsUrl the address that answers this widget's runs for a state ({@code /api/widgets/runs})
 */
public record WidgetView(String id, String apiBase, Widgets.Block block, String runsUrl) {

    public WidgetSpec spec() {
        return block.spec();
    }

    public Shared shared() {
        return block.shared();
    }

    public Predict predict() {
        return block.predict();
    }

    public List<Control> controls() {
        return block.shownControls();
    }

    /** A slider's value as a person writes it: 0.05, 2, 1e-5. */
    public static String number(double value) {
        java.math.BigDecimal d = new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros();
        String plain = d.toPlainString();
        return plain.length() <= 8 ? plain : d.toString().replace("E", "e").replace("e+", "e");
    }

    /** The step of a point's number box on an axis: a power of ten near a fiftieth of its range. */
    public static double pointStep(java.util.List<Double> axis) {
        double span = axis.get(1) - axis.get(0);
        return span > 0 ? Math.pow(10, Math.floor(Math.log10(span / 50))) : 1;
    }

    /** A number as its shortest exact decimal (2 for 2.0), for an input's value. */
    public static String plain(Object value) {
        return value instanceof Number n ? java.math.BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString() : null;
    }

    /** The name of coordinate k of n: x and y on a plane, θ1, θ2, … beyond it. */
    public static String coordinate(int k, int n) {
        return n <= 2 ? (k == 0 ? "x" : "y") : "θ" + (k + 1);
    }

    /** A person's name for an optimizer or problem id. */
    public static String label(String id) {
        return EngineFacts.label(id);
    }

    /** Steps per second as the page opens; see {@link io.downhill.widget.Widgets.Block#playbackSpeed()}. */
    public int speed() {
        return block.playbackSpeed();
    }

    public int maxSpeed() {
        return io.downhill.widget.Shared.MAX_SPEED;
    }

    /** The spec and the shared keys in one object: what the widget's script reads. */
    public String configJson() {
        Map<String, Object> config = new LinkedHashMap<>(Json.MAPPER.convertValue(spec(), Map.class));
        config.put("speed", speed());
        config.put("preview_steps", io.downhill.widget.Shared.PREVIEW_STEPS);
        config.put("caption", shared().caption());
        config.put("controls", shared().controls());
        return write(config);
    }

    /** The controls with their bounds, for the runtime to restore a shared link within them. */
    public String controlsJson() {
        return write(controls());
    }

    /** The runs of the block's own state, so the first Play needs no request but the stream. */
    public String runsJson() {
        return write(block.defaultRuns());
    }

    /** The other calls of the block's own state (a sweep, a gradient comparison), written by its type. */
    public String requestsJson() {
        return write(block.defaultRequests());
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("widget data cannot be written as JSON", e);
        }
    }
}
