package io.downhill.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.downhill.optim.optimizers.OptimizerType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An optimizer added through the registration seam runs through the engine and is catalogued. */
class ToyOptimizerTest {
    private static final Registry WITH_TOY = Registry.BUILT_IN.with(SignDescent.TYPE);

    private static Map<String, Object> spec(String optimizer) {
        return Map.of(
                "problem", Map.of("name", "bowl"),
                "start", List.of(1, -0.5),
                "optimizer", Map.of("name", optimizer, "lr", 0.25),
                "stop", Map.of("max_steps", 3));
    }

    @Test
    void signDescentRunsThroughTheEngine() {
        RunResult result = Run.runAll(WITH_TOY.parse(spec("sign")));
        // f = x² + 2y², ∇f = (2x, 4y); each step moves every coordinate by 0.25 against its sign:
        // (1, −0.5) → ∇ (2, −2) → (0.75, −0.25) → ∇ (1.5, −1) → (0.5, 0) → ∇ (1, 0) → (0.25, 0)
        assertThat(result.steps()).extracting(Step::params).containsExactly(
                new double[] {1, -0.5}, new double[] {0.75, -0.25}, new double[] {0.5, 0}, new double[] {0.25, 0});
        // f = 1 + 2·0.25, 0.5625 + 2·0.0625, 0.25, 0.0625
        assertThat(result.steps()).extracting(Step::loss).containsExactly(1.5, 0.6875, 0.25, 0.0625);
        assertThat(result.steps()).extracting(Step::lr).containsOnly(0.25);
        assertThat(result.status().reason()).isEqualTo(Status.MAX_STEPS);
    }

    @Test
    void itsDefaultsAndRangesComeFromItsEntry() {
        RunSpec spec = WITH_TOY.parse(Map.of("problem", Map.of("name", "bowl"),
                "optimizer", Map.of("name", "sign"), "stop", Map.of("max_steps", 1)));
        assertThat(spec.optimizer().params()).containsEntry("lr", 0.01).containsKey("clip_grad_norm");
        assertThatThrownBy(() -> WITH_TOY.parse(Map.of("problem", Map.of("name", "bowl"),
                "optimizer", Map.of("name", "sign", "momentum", 0.9), "stop", Map.of("max_steps", 1))))
                .isInstanceOf(SpecException.class)
                .hasMessage("optimizer.momentum: unknown field; allowed: name, lr, clip_grad_norm");
    }

    @Test
    void aRuleBetweenItsParametersIsCheckedFromItsEntry() {
        OptimizerType clipped = new OptimizerType("clipped-sign", "Clipped sign descent", "adagrad", 0.05, null,
                "sign descent that needs clipping above lr 0.5",
                List.of(OptimizerType.lr(0.01), OptimizerType.clip()),
                (hyper, dimension) -> new SignDescent(),
                List.of(new OptimizerType.Rule("clip_grad_norm", List.of("lr", "clip_grad_norm"), "must be set when lr > 0.5",
                        p -> (Double) p.get("lr") <= 0.5 || p.get("clip_grad_norm") != null)));
        Registry registry = Registry.BUILT_IN.with(clipped);
        assertThatThrownBy(() -> registry.parse(Map.of("problem", Map.of("name", "bowl"),
                "optimizer", Map.of("name", "clipped-sign", "lr", 0.75), "stop", Map.of("max_steps", 10))))
                .isInstanceOf(SpecException.class)
                .hasMessage("optimizer.clip_grad_norm: must be set when lr > 0.5");
        assertThatThrownBy(() -> registry.parse(Map.of("problem", Map.of("name", "bowl"),
                "optimizer", Map.of("name", "clipped-sign", "lr", 0.25), "stop", Map.of("max_steps", 10),
                "changes", List.of(Map.of("at", 5, "lr", 0.75)))))
                .isInstanceOf(SpecException.class)
                .hasMessage("changes[0].lr: clip_grad_norm must be set when lr > 0.5");
        assertThat(registry.parse(Map.of("problem", Map.of("name", "bowl"),
                "optimizer", Map.of("name", "clipped-sign", "lr", 0.75, "clip_grad_norm", 1), "stop", Map.of("max_steps", 10)))
                .optimizer().params()).containsEntry("lr", 0.75);
    }

    @Test
    void itIsCataloguedWithItsLabelAndColourAfterTheBuiltIns() {
        List<OptimizerInfo> all = Catalog.optimizers(WITH_TOY);
        assertThat(all).extracting(OptimizerInfo::name)
                .containsExactly("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "sign");
        OptimizerInfo sign = all.get(7);
        assertThat(sign).extracting(OptimizerInfo::label, OptimizerInfo::colourKey, OptimizerInfo::widgetLr)
                .containsExactly("Sign descent", "adagrad", 0.05);
        assertThat(sign.params()).extracting(ParamInfo::name).containsExactly("lr", "clip_grad_norm");
    }

    @Test
    void theBuiltInRegistryIsUntouched() {
        assertThat(Catalog.optimizers()).extracting(OptimizerInfo::name).doesNotContain("sign");
        assertThatThrownBy(() -> RunSpec.fromJson(spec("sign")))
                .isInstanceOf(SpecException.class)
                .hasMessage("optimizer.name: unknown optimizer 'sign'; must be one of: "
                        + "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw");
    }

    @Test
    void aNameIsRegisteredOnce() {
        assertThatThrownBy(() -> WITH_TOY.with(SignDescent.TYPE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer sign is registered twice");
    }
}
