package io.downhill.optim.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.downhill.optim.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every rejected value names its field and says what is allowed. */
class NetSpecValidationTest {

    private static void rejects(String field, String detailPart, Executable make) {
        assertThatThrownBy(make::execute)
                .isInstanceOf(SpecException.class)
                .satisfies(e -> {
                    SpecException s = (SpecException) e;
                    assertThat(s.field()).isEqualTo(field);
                    assertThat(s.detail()).contains(detailPart);
                    assertThat(s.getMessage()).startsWith(field + ": ");
                });
    }

    private static NetSpec with(int depth, int width, String act, String init, Double clip,
            double wd, String opt, double lr, int batch) {
        return new NetSpec(depth, width, act, init, false, clip, wd, opt, lr, batch, 1);
    }

    @Test
    void defaultsAreValid() {
        NetSpec d = NetSpec.defaults();
        assertThat(d.depth()).isEqualTo(2);
        assertThat(new Trainer(d, Datasets.generate("moons", 20, 0, 1)).step().t()).isEqualTo(1);
    }

    @Test
    void boundsAreInclusive() {
        with(1, 1, "relu", "he", null, 0, "sgd", 10, 1);
        with(30, 32, "sigmoid", "normal", 1e6, 1, "adam", 1e-9, 1000);
    }

    @Test
    void eachFieldIsNamed() {
        rejects("depth", ">= 1 and <= 30",
                () -> with(0, 8, "tanh", "xavier", null, 0, "sgd", 0.1, 32));
        rejects("depth", ">= 1 and <= 30",
                () -> with(31, 8, "tanh", "xavier", null, 0, "sgd", 0.1, 32));
        rejects("width", ">= 1 and <= 32",
                () -> with(2, 0, "tanh", "xavier", null, 0, "sgd", 0.1, 32));
        rejects("width", ">= 1 and <= 32",
                () -> with(2, 33, "tanh", "xavier", null, 0, "sgd", 0.1, 32));
        rejects("activation", "sigmoid, tanh, relu",
                () -> with(2, 8, "gelu", "xavier", null, 0, "sgd", 0.1, 32));
        rejects("activation", "sigmoid, tanh, relu",
                () -> with(2, 8, null, "xavier", null, 0, "sgd", 0.1, 32));
        rejects("init", "normal, xavier, he",
                () -> with(2, 8, "tanh", "kaiming", null, 0, "sgd", 0.1, 32));
        rejects("clip_grad_norm", "> 0",
                () -> with(2, 8, "tanh", "xavier", 0.0, 0, "sgd", 0.1, 32));
        rejects("clip_grad_norm", "> 0",
                () -> with(2, 8, "tanh", "xavier", Double.NaN, 0, "sgd", 0.1, 32));
        rejects("weight_decay", ">= 0 and <= 1",
                () -> with(2, 8, "tanh", "xavier", null, -1e-3, "sgd", 0.1, 32));
        rejects("weight_decay", ">= 0 and <= 1",
                () -> with(2, 8, "tanh", "xavier", null, 2, "sgd", 0.1, 32));
        rejects("optimizer", "sgd, momentum, adam",
                () -> with(2, 8, "tanh", "xavier", null, 0, "adamw", 0.1, 32));
        rejects("lr", "> 0 and <= 10", () -> with(2, 8, "tanh", "xavier", null, 0, "sgd", 0, 32));
        rejects("lr", "> 0 and <= 10",
                () -> with(2, 8, "tanh", "xavier", null, 0, "sgd", Double.NaN, 32));
        rejects("lr", "> 0 and <= 10", () -> with(2, 8, "tanh", "xavier", null, 0, "sgd", 11, 32));
        rejects("batch_size", ">= 1 and <= 1000",
                () -> with(2, 8, "tanh", "xavier", null, 0, "sgd", 0.1, 0));
        rejects("batch_size", ">= 1 and <= 1000",
                () -> with(2, 8, "tanh", "xavier", null, 0, "sgd", 0.1, 1001));
    }

    @Test
    void datasetFieldsAreNamed() {
        rejects("dataset", "moons, circles, spiral", () -> Datasets.generate("xor", 200, 0.1, 1));
        rejects("n", ">= 20 and <= 1000", () -> Datasets.generate("moons", 19, 0.1, 1));
        rejects("n", ">= 20 and <= 1000", () -> Datasets.generate("moons", 1001, 0.1, 1));
        rejects("noise", ">= 0 and <= 1", () -> Datasets.generate("moons", 200, -0.1, 1));
        rejects("noise", ">= 0 and <= 1", () -> Datasets.generate("moons", 200, Double.NaN, 1));
    }
}
