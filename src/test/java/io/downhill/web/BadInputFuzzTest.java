package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Thousands of generated bad inputs against every endpoint of a real server: never a 5xx, and
 * every refusal is a problem+json that names the field at fault.
 */
class BadInputFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static TestServer server;

    @BeforeContainer
    static void start() {
        server = TestServer.start("");
    }

    @AfterContainer
    static void stop() {
        server.close();
        assertThat(TRIED.get()).isGreaterThanOrEqualTo(2000);
    }

    /** A request: method, path with its query, and a body for POST. */
    record Call(String method, String path, String body) {}

    @Property(tries = 2100, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void noBadInputIsAServerErrorAndEveryRefusalNamesItsField(@ForAll("calls") Call call) throws Exception {
        TRIED.incrementAndGet();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(call.path()))).timeout(Duration.ofSeconds(60));
        if (call.method().equals("POST")) {
            b.POST(HttpRequest.BodyPublishers.ofString(call.body())).header("Content-Type", "application/json");
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(call.toString()).isLessThan(500);
        if (r.statusCode() >= 400) {
            assertThat(r.headers().firstValue("Content-Type")).as(call.toString()).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.path("field").asText("")).as(call + " → " + r.body()).isNotBlank();
            assertThat(problem.path("detail").asText("")).isNotBlank();
        }
    }

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.oneOf(runs(), queries());
    }

    private static final Map<String, Object> SPEC = Map.of(
            "problem", Map.of("name", "rosenbrock"),
            "start", List.of(-1.5, 2),
            "optimizer", Map.of("name", "adam", "lr", 0.01, "betas", List.of(0.9, 0.999)),
            "schedule", Map.of("name", "step", "step_size", 10, "gamma", 0.5),
            "stop", Map.of("max_steps", 40),
            "changes", List.of(Map.of("at", 5, "lr", 0.02)),
            "seed", 3);
    private static final List<List<String>> PATHS = List.of(
            List.of("problem"), List.of("problem", "name"), List.of("start"), List.of("optimizer"),
            List.of("optimizer", "name"), List.of("optimizer", "lr"), List.of("optimizer", "betas"),
            List.of("optimizer", "momentum"), List.of("schedule"), List.of("schedule", "name"),
            List.of("schedule", "gamma"), List.of("stop"), List.of("stop", "max_steps"), List.of("stop", "grad_norm"),
            List.of("changes"), List.of("seed"), List.of("gradient"), List.of("problem", "expression"),
            List.of("problem", "batch_size"), List.of("nonsense"));

    private static Arbitrary<Object> badValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(-1, 0, 1e308, -1e308, 1.5, 123456789012L, 4.9e-324, Integer.MAX_VALUE),
                Arbitraries.of("", "NaN", "Infinity", "adam", "x^x^x^x^x", "sin(", "🙂", "\u0000", "../../etc/passwd"),
                Arbitraries.strings().ofMaxLength(600),
                Arbitraries.of(List.of(), List.of(1), List.of(1, 2, 3), List.of("a", "b"), Map.of(), Map.of("name", 7)),
                Arbitraries.of(true, false),
                Arbitraries.just(nested(40)));
    }

    private static Object nested(int depth) {
        Object v = 1;
        for (int i = 0; i < depth; i++) {
            v = List.of(v);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutate(List<String> path, Object value) {
        Map<String, Object> copy = deepCopy(SPEC);
        Map<String, Object> at = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = at.get(path.get(i));
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                at.put(path.get(i), next);
            }
            at = (Map<String, Object>) next;
        }
        at.put(path.get(path.size() - 1), value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map ? deepCopy((Map<String, Object>) v) : v));
        return out;
    }

    private static Arbitrary<String> badSpecText() {
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(PATHS), badValues()).as((path, value) -> {
            try {
                return JSON.writeValueAsString(mutate(path, value));
            } catch (Exception e) {
                return "{";
            }
        });
        Arbitrary<String> truncated = mutated.flatMap(text -> Arbitraries.integers().between(0, text.length())
                .map(n -> text.substring(0, n)));
        return Arbitraries.oneOf(mutated, mutated, truncated, Arbitraries.of("null", "[]", "1", "\"x\"", "{}", "{\"a\":"));
    }

    private static Arbitrary<Call> runs() {
        Arbitrary<String> fields = Arbitraries.of("", "params,loss", "nonsense", "loss,,", "params", "params,loss,rounded", "rounded", "rounded,nonsense");
        Arbitrary<String> from = Arbitraries.of("", "-5", "abc", "3", "99999999999999");
        return Combinators.combine(badSpecText(), Arbitraries.of("POST", "GET", "STREAM"), fields, from)
                .as((spec, kind, f, fr) -> switch (kind) {
                    case "POST" -> new Call("POST", "/api/runs", spec);
                    case "GET" -> new Call("GET", "/api/runs?spec=" + enc(spec) + (f.isEmpty() ? "" : "&fields=" + enc(f)), null);
                    default -> new Call("GET", "/api/runs/stream?spec=" + enc(spec) + "&fields=" + enc(f) + "&from=" + enc(fr), null);
                });
    }

    private static Arbitrary<Call> queries() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(700),
                Arbitraries.of("x^", "sin(x", "x + y", "", "log(-1)", "1/0", "x".repeat(501), "((((((((((((((((((((((((((((((((((((((((((((((((((((x"));
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.of("", "-1", "0", "1e9", "abc", "2.5", "99999999999"),
                Arbitraries.integers().between(-10, 100_000).map(String::valueOf));
        Arbitrary<String> point = Arbitraries.of("", "[1]", "[1,2]", "[1,2,3]", "[\"a\",1]", "[1e400,0]", "{}", "x");
        Arbitrary<String> problem = Arbitraries.oneOf(Arbitraries.of("", "{}", "{\"name\":\"nope\"}", "{\"name\":\"linear-regression\",\"n\":-4}",
                "{\"expression\":\"x^\"}", "[]", "null", "{\"name\":\"bowl\",\"extra\":1}"), Arbitraries.strings().ofMaxLength(100));
        Arbitrary<String> train = Arbitraries.oneOf(Arbitraries.of("null", "{}", "{\"depth\":0}", "{\"width\":1000}", "{\"lr\":-1}",
                "{\"dataset\":\"nope\"}", "{\"max_steps\":99999}", "{\"depth\":30,\"width\":32,\"batch_size\":200}", "[1]", "{"),
                Arbitraries.strings().ofMaxLength(100));
        return Combinators.combine(Arbitraries.integers().between(0, 10), text, number, point, problem, train, widgetState())
                .as((which, t, n, p, pr, tr, ws) -> switch (which) {
                    case 0 -> new Call("GET", "/api/expression?text=" + enc(t) + "&dimension=" + enc(n), null);
                    case 1 -> new Call("GET", "/api/gradient-lab?text=" + enc(t) + "&point=" + enc(p), null);
                    case 2 -> new Call("GET", "/api/landscape?problem=" + enc(pr) + "&n=" + enc(n) + "&seed=" + enc(n), null);
                    case 3 -> new Call("GET", "/api/gradients?problem=" + enc(pr) + "&params=" + enc(p) + "&batch_size=" + enc(n)
                            + "&samples=" + enc(n), null);
                    case 4 -> new Call("GET", "/api/basins?spec=" + enc(pr) + "&n=" + enc(n) + "&rows=" + enc(n + "-" + t.length()), null);
                    case 5 -> new Call("GET", "/api/train/stream?spec=" + enc(tr), null);
                    case 6 -> new Call("GET", "/api/rate-map?kappa=" + enc(n) + "&n=" + enc(n) + "&lr=" + enc(t.length() > 3 ? n : t)
                            + "&momentum=" + enc(n), null);
                    case 7 -> new Call("GET", "/api/sweep?spec=" + enc(pr), null);
                    case 8 -> new Call("GET", "/api/runs/pytorch?spec=" + enc(pr.length() % 2 == 0 ? pr : "[" + pr + "]"), null);
                    case 9 -> new Call("GET", "/api/widgets/runs?lesson=what-gradient-descent-does&widget="
                            + (t.length() % 3 == 0 ? "w1" : t.length() % 3 == 1 ? "w2" : enc(n)) + "&state=" + enc(ws), null);
                    default -> new Call("GET", "/api/search?q=" + enc(t), null);
                });
    }

    /** A widget's state with one control, or the forks, set to a bad value; or no JSON object at all. */
    private static Arbitrary<String> widgetState() {
        Arbitrary<String> one = Combinators.combine(Arbitraries.of("lr", "start", "optimizer", "forks", "speed", "nonsense"), badValues())
                .as((key, value) -> {
                    try {
                        return JSON.writeValueAsString(Map.of(key, value));
                    } catch (Exception e) {
                        return "{";
                    }
                });
        return Arbitraries.oneOf(one, one, Arbitraries.of("", "null", "[]", "{", "{\"forks\":[{\"at\":3}]}",
                "{\"forks\":[{\"at\":3,\"optimizer.lr\":1e-300}]}", "{\"start\":[1e400,0]}"), Arbitraries.strings().ofMaxLength(200));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
