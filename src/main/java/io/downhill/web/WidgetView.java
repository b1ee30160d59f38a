package io.downhill.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.downhill.optim.Catalog;
import io.downhill.optim.OptimizerInfo;
import io.downhill.optim.ProblemInfo;
import io.downhill.optim.nn.Activation;
import io.downhill.optim.nn.Init;
import io.downhill.widget.Predict;
import io.downhill.widget.ScheduleExplorer;
import io.downhill.widget.WidgetSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a widget's template needs besides its spec: its id, its config as JSON, and the API. */
public record WidgetView(String id, String apiBase, WidgetSpec spec, Predict predict) {
    public WidgetView(String id, String apiBase, WidgetSpec spec) {
        this(id, apiBase, spec, null);
    }

    private static final Map<String, String> LABELS = labels();

    /**
     * Labels by id, from the registrations. One id names a problem and a schedule ("plateau"): the
     * problem's label wins, since the schedule widget offers its own "reduce-on-plateau" instead.
     */
    private static Map<String, String> labels() {
        Map<String, String> out = new HashMap<>();
        Catalog.optimizers().forEach(o -> out.put(o.name(), o.label()));
        Catalog.problems().forEach(p -> out.putIfAbsent(p.name(), p.label()));
        Catalog.schedules().forEach(s -> out.putIfAbsent(s.name(), s.label()));
        for (Activation a : Activation.values()) {
            out.putIfAbsent(a.id(), a.label());
        }
        for (Init i : Init.values()) {
            out.putIfAbsent(i.id(), i.label());
        }
        ScheduleExplorer.OWN_LABELS.forEach(out::putIfAbsent);
        return Map.copyOf(out);
    }

    /** A slider's value as a person writes it: 0.05, 2, 1e-5. */
    public static String number(double value) {
        java.math.BigDecimal d = new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros();
        String plain = d.toPlainString();
        return plain.length() <= 8 ? plain : d.toString().replace("E", "e").replace("e+", "e");
    }

    /** A person's name for an optimizer, problem, schedule, activation or init id. */
    public static String label(String id) {
        return LABELS.getOrDefault(id, id);
    }

    public String configJson() {
        try {
            return Json.MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("widget spec cannot be written as JSON", e);
        }
    }

    public List<String> optimizers() {
        return Catalog.optimizers().stream().map(OptimizerInfo::name).toList();
    }

    /** The plot range of coordinate i of the widget's catalogue problem (for a start slider). */
    public double[] range(int i) {
        ProblemInfo info = Catalog.problems().stream().filter(p -> p.name().equals(spec.problem())).findFirst().orElseThrow();
        return info.range()[i];
    }

    public double stepOf(int i) {
        double[] r = range(i);
        return (r[1] - r[0]) / 200;
    }
}
