package io.downhill.optim.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.downhill.optim.Run;
import io.downhill.optim.RunResult;
import io.downhill.optim.RunSpec;
import io.downhill.optim.SpecException;
import io.downhill.optim.Status;
import io.downhill.optim.Step;
import io.downhill.optim.problems.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {"problem": {"expression": ...}} through RunSpec.fromJson and Run.runAll. */
class ExpressionRunTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static Map<String, Object> spec(Map<String, Object> problem, int maxSteps) {
        return map("problem", problem, "optimizer", map("name", "sgd", "lr", 0.1),
                "stop", map("max_steps", maxSteps));
    }

    private static SpecException rejected(Map<String, Object> problem) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> RunSpec.fromJson(spec(problem, 10)));
        assertThat(e).as("expected a SpecException").isNotNull();
        return e;
    }

    @Test
    void runsEndToEnd() {
        RunSpec spec = RunSpec.fromJson(spec(map("expression", "sin(x)*cos(y) + 0.1*(x^2+y^2)"), 200));
        assertThat(spec.dimension()).isEqualTo(2);
        assertThat(spec.start()).containsExactly(1, 1); // the default start

        RunResult r = Run.runAll(spec);
        assertThat(r.status()).isEqualTo(new Status(Status.MAX_STEPS, null, 200));
        double s = StrictMath.sin(1);
        double c = StrictMath.cos(1);
        Step first = r.steps().get(0);
        assertThat(first.loss()).isEqualTo(s * c + 0.1 * (1.0 + 1.0)); // 0.6546487134128409
        // ∇f = (cos x·cos y + 0.2x, −sin x·sin y + 0.2y) = (cos²1 + 0.2, 0.2 − sin²1) at (1, 1)
        double gx = c * c + 0.2;
        double gy = -s * s + 0.2;
        assertThat(first.grad()).containsExactly(gx, gy);
        // One SGD step: (1, 1) − 0.1·∇f
        assertThat(r.steps().get(1).params()).containsExactly(1 - 0.1 * gx, 1 - 0.1 * gy);
        Step last = r.steps().get(200);
        assertThat(last.loss()).isLessThan(first.loss());
        assertThat(last.gradNorm()).isLessThan(1e-4); // settling into a local minimum
    }

    @Test
    void theBowlWrittenOutRunsBitForBitLikeTheCatalogBowl() {
        Map<String, Object> byName = spec(map("name", "bowl"), 50);
        byName.put("start", list(2.0, -1.5));
        Map<String, Object> byExpression = spec(map("expression", "x^2 + 2*y^2"), 50);
        byExpression.put("start", list(2.0, -1.5));
        List<Step> a = Run.runAll(RunSpec.fromJson(byName)).steps();
        List<Step> b = Run.runAll(RunSpec.fromJson(byExpression)).steps();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void oneDimensionAndACustomRange() {
        RunSpec spec = RunSpec.fromJson(spec(map("expression", "x^4 - 3*x^2 + x", "dimension", 1,
                "range", list(list(-2.5, 2.5))), 100));
        assertThat(spec.start()).containsExactly(1);
        Problem p = spec.createProblem();
        assertThat(p).isInstanceOf(ExpressionProblem.class);
        assertThat(p.name()).isEqualTo("expression");
        assertThat(p.kind()).isEqualTo("1d");
        assertThat(p.range()).isDeepEqualTo(new double[][] {{-2.5, 2.5}});
        assertThat(p.minima()).isEmpty();
        // From x = 1 gradient descent rolls into the local minimum near 1.131 (x⁴ − 3x² + x).
        double x = Run.runAll(spec).steps().get(100).params()[0];
        assertThat(x).isCloseTo(1.1309, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void defaultsAreWrittenOutAndTheJsonRoundTrips() {
        RunSpec spec = RunSpec.fromJson(spec(map("expression", "x*y"), 5));
        assertThat(spec.problem().name()).isEqualTo("expression");
        assertThat(spec.problem().params()).isEqualTo(Map.of("expression", "x*y", "dimension", 2,
                "range", List.of(List.of(-3.0, 3.0), List.of(-3.0, 3.0))));
        assertThat(spec.createProblem().range()).isDeepEqualTo(new double[][] {{-3, 3}, {-3, 3}});
        assertThat(spec.createProblem().defaultStart()).containsExactly(1, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = (Map<String, Object>) spec.toJson().get("problem");
        assertThat(problem).doesNotContainKey("name");
        assertThat(RunSpec.fromJson(spec.toJson())).isEqualTo(spec);
    }

    @Test
    void aSyntaxErrorNamesTheFieldAndTheColumn() {
        SpecException e = rejected(map("expression", "sin(x+)"));
        assertThat(e.field()).isEqualTo("problem.expression");
        assertThat(e.detail()).startsWith("column 7: unexpected ')'");

        e = rejected(map("expression", "x + y", "dimension", 1));
        assertThat(e.field()).isEqualTo("problem.expression");
        assertThat(e.detail()).isEqualTo("column 5: 'y' is not allowed in a 1D expression: use x");

        e = rejected(map("expression", "2x"));
        assertThat(e.detail()).startsWith("column 2: missing operator: write 2*x");
    }

    @Test
    void otherBadProblemObjects() {
        SpecException e = rejected(map("name", "bowl", "expression", "x"));
        assertThat(e.field()).isEqualTo("problem");
        assertThat(e.detail()).isEqualTo("must have either name or expression, not both");

        e = rejected(map("expression", 42));
        assertThat(e.field()).isEqualTo("problem.expression");
        assertThat(e.detail()).contains("must be a string");

        e = rejected(map("expression", "x", "dimension", 3));
        assertThat(e.field()).isEqualTo("problem.dimension");

        e = rejected(map("expression", "x", "range", list(list(-3, 3))));
        assertThat(e.field()).isEqualTo("problem.range");
        assertThat(e.detail()).startsWith("must be a list of 2 [lo, hi] pairs with lo < hi");

        e = rejected(map("expression", "x", "range", list(list(-3, 3), list(2, 1))));
        assertThat(e.field()).isEqualTo("problem.range[1]");

        e = rejected(map("expression", "x", "a", 1));
        assertThat(e.field()).isEqualTo("problem.a");
        assertThat(e.detail()).contains("unknown field; allowed: expression, dimension, range");
    }

    @Test
    void theStartMustMatchTheDimension() {
        Map<String, Object> json = spec(map("expression", "x^2", "dimension", 1), 5);
        json.put("start", list(1.0, 2.0));
        SpecException e = catchThrowableOfType(SpecException.class, () -> RunSpec.fromJson(json));
        assertThat(e.field()).isEqualTo("start");
        assertThat(e.detail()).isEqualTo("must have 1 number");
    }
}
