package io.downhill.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void namesMatchTheSpecVocabulary() {
        assertThat(Catalog.problems()).extracting(ProblemInfo::name).containsExactly(
                "quadratic", "double-well", "plateau", "bowl", "ill-conditioned", "rosenbrock", "beale",
                "himmelblau", "saddle", "monkey-saddle", "double-well-2d", "plateau-2d", "linear-regression",
                "logistic-regression");
        assertThat(Catalog.optimizers()).extracting(OptimizerInfo::name)
                .containsExactly("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw");
        assertThat(Catalog.optimizers()).extracting(OptimizerInfo::torchName)
                .containsExactly("SGD", "SGD", "SGD", "Adagrad", "RMSprop", "Adam", "AdamW");
        assertThat(Catalog.schedules()).extracting(ScheduleInfo::name).containsExactly(
                "constant", "step", "exponential", "cosine", "linear", "cosine-restarts", "plateau", "warmup");
    }

    @Test
    void problemShapes() {
        for (ProblemInfo p : Catalog.problems()) {
            assertThat(p.range()).as(p.name()).hasNumberOfRows(p.dimension());
            assertThat(p.defaultStart()).hasSize(p.dimension());
            assertThat(p.kind()).isIn("1d", "2d", "data");
            assertThat(p.description()).isNotBlank();
        }
        ProblemInfo logistic = Catalog.problems().get(13);
        assertThat(logistic.kind()).isEqualTo("data");
        assertThat(logistic.dimension()).isEqualTo(3);
        assertThat(logistic.minima()).hasSize(1);
    }

    @Test
    void paramInfoCarriesDefaultsAndRanges() {
        OptimizerInfo adam = Catalog.optimizers().get(5);
        ParamInfo lr = adam.params().get(0);
        assertThat(lr).extracting(ParamInfo::name, ParamInfo::type, ParamInfo::defaultValue,
                ParamInfo::min, ParamInfo::max).containsExactly("lr", "number", 0.001, 0.0, 10.0);
        assertThat(lr.description()).contains("must be > 0 and <= 10");
        assertThat(adam.params().get(1).defaultValue()).isEqualTo(List.of(0.9, 0.999));
        ParamInfo mode = Catalog.schedules().get(6).params().get(0);
        assertThat(mode.type()).isEqualTo("enum");
        assertThat(mode.choices()).containsExactly("min", "max");
        assertThat(Catalog.schedules().get(7).params().get(2).type()).isEqualTo("schedule");
    }
}
