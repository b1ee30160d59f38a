package io.downhill.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A learning rate per optimizer: given ones, the registered defaults, and a missing default. */
class LrPerOptimizerTest {

    @Test
    void unnamedOptimizersGetTheirRegisteredWidgetRate() {
        Fields f = new Fields(Map.of("lr", Map.of("adam", 0.05)));
        assertThat(f.lrPerOptimizer("lr", List.of("sgd", "adam"), EngineFacts.widgetLr()))
                .isEqualTo(Map.of("sgd", 0.002, "adam", 0.05));
    }

    @Test
    void oneNumberSetsEveryRate() {
        Fields f = new Fields(Map.of("lr", 0.3));
        assertThat(f.lrPerOptimizer("lr", List.of("sgd", "adagrad"), Map.of()))
                .isEqualTo(Map.of("sgd", 0.3, "adagrad", 0.3));
    }

    @Test
    void anOptimizerWithoutADefaultIsAnAuthorErrorNamingTheKey() {
        Fields f = new Fields(Map.of("lr", Map.of("sgd", 0.01)));
        assertThatThrownBy(() -> f.lrPerOptimizer("lr", List.of("sgd", "sign"), Map.of("sgd", 0.002)))
                .isInstanceOf(WidgetException.class)
                .hasMessage("'lr' needs a rate for sign, which has no default; e.g. lr: {sign: 0.01}")
                .extracting(e -> ((WidgetException) e).key()).isEqualTo("lr");
    }

    @Test
    void theRegisteredRatesAreTheRaceDefaults() {
        assertThat(EngineFacts.widgetLr()).containsExactly(
                Map.entry("sgd", 0.002), Map.entry("momentum", 0.002), Map.entry("nesterov", 0.001),
                Map.entry("adagrad", 0.5), Map.entry("rmsprop", 0.01), Map.entry("adam", 0.1),
                Map.entry("adamw", 0.1));
    }
}
