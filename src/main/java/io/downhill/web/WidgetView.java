package io.downhill.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.downhill.optim.Catalog;
import io.downhill.optim.OptimizerInfo;
import io.downhill.optim.ProblemInfo;
import io.downhill.widget.Predict;
import io.downhill.widget.WidgetSpec;
import java.util.List;
import java.util.Map;

/** What a widget's template needs besides its spec: its id, its config as JSON, and the API. */
public record WidgetView(String id, String apiBase, WidgetSpec spec, Predict predict) {
    public WidgetView(String id, String apiBase, WidgetSpec spec) {
        this(id, apiBase, spec, null);
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("sgd", "SGD"), Map.entry("momentum", "Momentum"), Map.entry("nesterov", "Nesterov"),
            Map.entry("adagrad", "AdaGrad"), Map.entry("rmsprop", "RMSprop"), Map.entry("adam", "Adam"),
            Map.entry("adamw", "AdamW"), Map.entry("bowl", "Bowl x² + 2y²"), Map.entry("ill-conditioned", "Ill-conditioned bowl"),
            Map.entry("rosenbrock", "Rosenbrock"), Map.entry("beale", "Beale"), Map.entry("himmelblau", "Himmelblau"),
            Map.entry("saddle", "Saddle x² − y²"), Map.entry("monkey-saddle", "Monkey saddle"),
            Map.entry("plateau-2d", "Plateau"), Map.entry("double-well-2d", "Two valleys"),
            Map.entry("valleys", "Two valleys: which minimum?"), Map.entry("saddle-scenario", "A saddle point"), Map.entry("double-well", "Double well"), Map.entry("quadratic", "Quadratic"),
            Map.entry("plateau", "Plateau"), Map.entry("linear-regression", "Linear regression"),
            Map.entry("logistic-regression", "Logistic regression"), Map.entry("constant", "Constant"),
            Map.entry("step", "Step decay"), Map.entry("exponential", "Exponential decay"),
            Map.entry("cosine", "Cosine annealing"), Map.entry("warmup", "Linear warmup"),
            Map.entry("warmup-cosine", "Warmup, then cosine"), Map.entry("cosine-restarts", "Cosine with warm restarts"),
            Map.entry("reduce-on-plateau", "Reduce on plateau"), Map.entry("sigmoid", "sigmoid"),
            Map.entry("tanh", "tanh"), Map.entry("relu", "ReLU"), Map.entry("xavier", "Xavier"), Map.entry("he", "He"),
            Map.entry("normal", "Normal (std 1)"));

    /** A slider's value as a person writes it: 0.05, 2, 1e-5. */
    public static String number(double value) {
        java.math.BigDecimal d = new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros();
        String plain = d.toPlainString();
        return plain.length() <= 8 ? plain : d.toString().replace("E", "e").replace("e+", "e");
    }

    /** A person's name for an optimizer or problem id. */
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
