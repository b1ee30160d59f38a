package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.pages.PageCatalogue;
import io.downhill.web.pages.WidgetView;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The labels pages show come from the registrations, and say what they said before. */
class WidgetLabelsTest {

    @Test
    void everyMenuIdHasItsLabel() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("sgd", "SGD"), Map.entry("momentum", "Momentum"), Map.entry("nesterov", "Nesterov"),
                Map.entry("adagrad", "AdaGrad"), Map.entry("rmsprop", "RMSprop"), Map.entry("adam", "Adam"),
                Map.entry("adamw", "AdamW"), Map.entry("bowl", "Bowl x² + 2y²"),
                Map.entry("ill-conditioned", "Ill-conditioned bowl"), Map.entry("rosenbrock", "Rosenbrock"),
                Map.entry("beale", "Beale"), Map.entry("himmelblau", "Himmelblau"), Map.entry("saddle", "Saddle x² − y²"),
                Map.entry("monkey-saddle", "Monkey saddle"), Map.entry("plateau-2d", "Plateau"),
                Map.entry("double-well-2d", "Two valleys"), Map.entry("double-well", "Double well"),
                Map.entry("quadratic", "Quadratic"), Map.entry("plateau", "Plateau"),
                Map.entry("linear-regression", "Linear regression"), Map.entry("logistic-regression", "Logistic regression"),
                Map.entry("constant", "Constant"), Map.entry("step", "Step decay"), Map.entry("exponential", "Exponential decay"),
                Map.entry("cosine", "Cosine annealing"), Map.entry("warmup", "Linear warmup"),
                Map.entry("warmup-cosine", "Warmup, then cosine"), Map.entry("cosine-restarts", "Cosine with warm restarts"),
                Map.entry("reduce-on-plateau", "Reduce on plateau"), Map.entry("sigmoid", "sigmoid"), Map.entry("tanh", "tanh"),
                Map.entry("relu", "ReLU"), Map.entry("xavier", "Xavier"), Map.entry("he", "He"),
                Map.entry("normal", "Normal (std 1)"), Map.entry("expression", "expression"));
        expected.forEach((id, label) -> assertThat(WidgetView.label(id)).as(id).isEqualTo(label));
    }

    @Test
    void pagesWithWidgetsEmbedTheOptimizersLabelsAndColours() {
        assertThat(PageCatalogue.JSON).startsWith("{\"optimizers\":{\"sgd\":{")
                .contains("\"adagrad\":{\"label\":\"AdaGrad\",\"colour\":\"adagrad\"}");
    }
}
