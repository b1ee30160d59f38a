package io.downhill.optim;

import static io.downhill.optim.Specs.list;
import static io.downhill.optim.Specs.map;
import static io.downhill.optim.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every rejected value names its field and what is allowed. */
@SuppressWarnings("unchecked")
class SpecValidationTest {

    private static Map<String, Object> valid() {
        Map<String, Object> json = spec("rosenbrock", list(-1.5, 2.0),
                map("name", "adam", "lr", 0.05, "betas", list(0.9, 0.999), "eps", 1e-8,
                        "weight_decay", 0, "amsgrad", false, "clip_grad_norm", null), 200);
        json.put("schedule", map("name", "cosine", "T_max", 200, "eta_min", 0));
        json.put("gradient", map("method", "analytic"));
        ((Map<String, Object>) json.get("stop")).put("grad_norm", 1e-8);
        json.put("changes", list(map("at", 100, "lr", 0.01)));
        json.put("seed", 7);
        return json;
    }

    private static Map<String, Object> sub(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    private static SpecException rejected(Consumer<Map<String, Object>> edit) {
        Map<String, Object> json = valid();
        edit.accept(json);
        SpecException e = catchThrowableOfType(SpecException.class, () -> RunSpec.fromJson(json));
        assertThat(e).as("expected a SpecException").isNotNull();
        assertThat(e.getMessage()).isEqualTo(e.field() + ": " + e.detail());
        return e;
    }

    private static void expect(Consumer<Map<String, Object>> edit, String field, String detail) {
        SpecException e = rejected(edit);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.detail()).contains(detail);
    }

    @Test
    void theDesignExampleIsValid() {
        RunSpec spec = RunSpec.fromJson(valid());
        assertThat(spec.dimension()).isEqualTo(2);
        assertThat(spec.seed()).isEqualTo(7);
        assertThat(spec.changes()).containsExactly(new Change(100, Map.of("lr", 0.01)));
        assertThat(RunSpec.fromJson(spec.toJson())).isEqualTo(spec);
    }

    @Test
    void minimalSpecGetsDefaults() {
        RunSpec spec = RunSpec.fromJson(map("problem", map("name", "himmelblau"),
                "optimizer", map("name", "rmsprop"), "stop", map("max_steps", 10)));
        assertThat(spec.start()).containsExactly(0, 0);
        assertThat(spec.schedule().name()).isEqualTo("constant");
        assertThat(spec.gradient()).isEqualTo(GradientSpec.ANALYTIC);
        assertThat(spec.seed()).isZero();
        assertThat(spec.optimizer().params()).containsEntry("lr", 0.01).containsEntry("alpha", 0.99)
                .containsEntry("eps", 1e-8).containsEntry("centered", false).containsEntry("momentum", 0.0);
    }

    @Test
    void unknownNames() {
        expect(j -> sub(j, "problem").put("name", "banana"), "problem.name", "unknown problem 'banana'");
        expect(j -> sub(j, "optimizer").put("name", "lbfgs"), "optimizer.name", "one of: sgd, momentum");
        expect(j -> sub(j, "schedule").put("name", "cyclic"), "schedule.name", "unknown schedule");
        expect(j -> j.put("gradient", map("method", "autodiff")), "gradient.method", "one of: analytic");
        expect(j -> sub(j, "optimizer").remove("name"), "optimizer.name", "is required");
        expect(j -> sub(j, "problem").put("name", 3), "problem.name", "must be one of");
    }

    @Test
    void unknownKeysAnywhere() {
        expect(j -> j.put("speed", 2), "speed", "unknown field");
        expect(j -> sub(j, "problem").put("a", 2), "problem.a", "unknown field");
        expect(j -> sub(j, "optimizer").put("momentum", 0.9), "optimizer.momentum", "unknown field");
        expect(j -> sub(j, "schedule").put("gamma", 0.5), "schedule.gamma", "unknown field");
        expect(j -> sub(j, "stop").put("patience", 3), "stop.patience", "unknown field");
        expect(j -> sub(j, "gradient").put("step", 3), "gradient.step", "unknown field");
        expect(j -> j.put("changes", list(map("at", 5, "lr", 0.1), map("at", 6, "foo", 1))),
                "changes[1].foo", "unknown field");
        expect(j -> j.put("schedule", map("name", "warmup", "then", map("name", "step", "T_max", 3))),
                "schedule.then.T_max", "unknown field");
    }

    @Test
    void nonFiniteNumbers() {
        expect(j -> sub(j, "optimizer").put("lr", Double.NaN), "optimizer.lr", "finite number");
        expect(j -> j.put("start", list(Double.POSITIVE_INFINITY, 0)), "start[0]", "finite number");
        expect(j -> sub(j, "stop").put("grad_norm", Double.NaN), "stop.grad_norm", "finite");
        expect(j -> sub(j, "optimizer").put("betas", list(0.9, Double.NaN)), "optimizer.betas[1]", "finite");
        expect(j -> sub(j, "optimizer").put("lr", "0.1"), "optimizer.lr", "must be a finite number > 0 and <= 10");
        expect(j -> sub(j, "optimizer").put("lr", new BigDecimal("1e400")), "optimizer.lr", "finite");
    }

    @Test
    void startMustMatchTheDimension() {
        expect(j -> j.put("start", list(1, 2, 3)), "start", "must have 2 numbers");
        expect(j -> j.put("start", 1), "start", "must have 2 numbers");
        expect(j -> {
            sub(j, "problem").put("name", "quadratic");
        }, "start", "must have 1 number");
        expect(j -> j.put("start", list(1, 2e6)), "start[1]", "<= 1000000");
    }

    @Test
    void learningRateBounds() {
        expect(j -> sub(j, "optimizer").put("lr", 0), "optimizer.lr", "must be > 0 and <= 10");
        expect(j -> sub(j, "optimizer").put("lr", -0.1), "optimizer.lr", "must be > 0 and <= 10");
        expect(j -> sub(j, "optimizer").put("lr", 10.5), "optimizer.lr", "must be > 0 and <= 10");
        Map<String, Object> ok = valid();
        sub(ok, "optimizer").put("lr", 10);
        assertThat(RunSpec.fromJson(ok).optimizer().lr()).isEqualTo(10.0);
    }

    @Test
    void maxStepsBoundsDependOnTheProblemKind() {
        expect(j -> sub(j, "stop").put("max_steps", 0), "stop.max_steps", "integer >= 1 and <= 20000");
        expect(j -> sub(j, "stop").put("max_steps", 20001), "stop.max_steps", "<= 20000");
        expect(j -> sub(j, "stop").put("max_steps", 2.5), "stop.max_steps", "integer");
        expect(j -> j.remove("stop"), "stop.max_steps", "is required");
        expect(j -> {
            j.put("problem", map("name", "linear-regression"));
            j.put("start", null);
            j.put("stop", map("max_steps", 5001));
            j.remove("changes");
        }, "stop.max_steps", "<= 5000");
        Map<String, Object> ok = valid();
        sub(ok, "stop").put("max_steps", 200.0); // an integral double is an integer
        assertThat(RunSpec.fromJson(ok).stop().maxSteps()).isEqualTo(200);
    }

    @Test
    void nesterovNeedsMomentumAndNoDampening() {
        expect(j -> j.put("optimizer", map("name", "sgd", "nesterov", true)),
                "optimizer.nesterov", "requires momentum > 0 and dampening = 0");
        expect(j -> j.put("optimizer", map("name", "nesterov", "dampening", 0.1)),
                "optimizer.nesterov", "requires momentum > 0");
        expect(j -> {
            j.put("optimizer", map("name", "nesterov"));
            j.put("changes", list(map("at", 5, "momentum", 0)));
        }, "changes[0].momentum", "nesterov requires momentum > 0");
    }

    @Test
    void otherRanges() {
        expect(j -> sub(j, "optimizer").put("betas", list(0.9, 1.0)), "optimizer.betas[1]", ">= 0 and < 1");
        expect(j -> sub(j, "optimizer").put("betas", list(0.9)), "optimizer.betas", "list of 2 numbers");
        expect(j -> sub(j, "optimizer").put("amsgrad", "yes"), "optimizer.amsgrad", "true or false");
        expect(j -> sub(j, "optimizer").put("clip_grad_norm", 0), "optimizer.clip_grad_norm", "> 0");
        expect(j -> j.put("problem", map("name", "ill-conditioned", "condition", 1001)),
                "problem.condition", ">= 1 and <= 1000");
        expect(j -> {
            j.put("problem", map("name", "logistic-regression", "n", 50, "batch_size", 51));
            j.put("start", null);
        }, "problem.batch_size", "<= n (50)");
        expect(j -> j.put("problem", map("name", "linear-regression", "noise", 11)), "problem.noise", "<= 10");
        expect(j -> j.put("problem", map("name", "linear-regression", "n", 1)), "problem.n", ">= 2");
        expect(j -> j.put("schedule", map("name", "plateau", "mode", "up")), "schedule.mode", "min, max");
        expect(j -> j.put("schedule", map("name", "plateau", "factor", 1)), "schedule.factor", "< 1");
        expect(j -> j.put("schedule", map("name", "linear", "start_factor", 0)),
                "schedule.start_factor", "> 0 and <= 1");
        expect(j -> j.put("schedule", map("name", "warmup", "then", map("name", "warmup"))),
                "schedule.then.name", "must not be warmup");
        expect(j -> j.put("gradient", map("method", "central", "h", 0)), "gradient.h", ">= 1e-15 and <= 1");
        expect(j -> j.put("seed", -1), "seed", "integer >= 0 and <= 9007199254740992");
        expect(j -> j.put("seed", 1.5), "seed", "integer");
        expect(j -> sub(j, "stop").put("loss_change", 0), "stop.loss_change", "> 0");
        expect(j -> j.put("problem", "rosenbrock"), "problem", "must be an object");
    }

    @Test
    void changes() {
        expect(j -> j.put("changes", list(map("at", 0, "lr", 0.1))), "changes[0].at", ">= 1 and < stop.max_steps (200)");
        expect(j -> j.put("changes", list(map("at", 200, "lr", 0.1))), "changes[0].at", "< stop.max_steps");
        expect(j -> j.put("changes", list(map("lr", 0.1))), "changes[0].at", "integer");
        expect(j -> j.put("changes", list(map("at", 50, "lr", 0.1), map("at", 40, "lr", 0.2))),
                "changes[1].at", "must be >= changes[0].at (50)");
        expect(j -> j.put("changes", list(map("at", 50))), "changes[0]", "must change at least one");
        expect(j -> j.put("changes", list(map("at", 50, "lr", 0))), "changes[0].lr", "> 0 and <= 10");
        expect(j -> j.put("changes", list(map("at", 50, "momentum", 0.9))), "changes[0].momentum", "unknown field");
        expect(j -> j.put("changes", map("at", 50)), "changes", "list");
        expect(j -> j.put("changes", list(5)), "changes[0]", "must be an object");
        expect(j -> j.put("changes", list(map("at", 50, "betas", null))), "changes[0].betas", "list of 2");
        expect(j -> {
            j.put("optimizer", map("name", "adagrad"));
            j.put("changes", list(map("at", 5, "initial_accumulator_value", 1)));
        }, "changes[0].initial_accumulator_value", "cannot change mid-run");
        Map<String, Object> ok = valid();
        ok.put("changes", list(map("at", 50, "lr", 0.1), map("at", 50, "amsgrad", true, "betas", list(0.5, 0.9))));
        assertThat(RunSpec.fromJson(ok).changes()).hasSize(2);
    }

    @Test
    void nullMeansAbsent() {
        Map<String, Object> json = valid();
        json.put("schedule", null);
        json.put("seed", null);
        sub(json, "optimizer").put("eps", null);
        RunSpec spec = RunSpec.fromJson(json);
        assertThat(spec.schedule().name()).isEqualTo("constant");
        assertThat(spec.optimizer().params()).containsEntry("eps", 1e-8);
        SpecException e = catchThrowableOfType(SpecException.class, () -> RunSpec.fromJson(null));
        assertThat(e.field()).isEqualTo("spec");
    }

    @Test
    void integerTypesFromAnyJsonMapper() {
        for (Object steps : List.<Object>of(200, 200L, new BigDecimal("200"), java.math.BigInteger.valueOf(200), (short) 200)) {
            Map<String, Object> json = valid();
            sub(json, "stop").put("max_steps", steps);
            assertThat(RunSpec.fromJson(json).stop().maxSteps()).isEqualTo(200);
        }
    }
}
