package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The run API contract over real HTTP, under a base path as it would be behind a proxy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunApiHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("/course");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body) {
        return server.post("/api/runs", body, "Content-Type", "application/json");
    }

    private JsonNode ok(String body) throws Exception {
        HttpResponse<String> r = post(body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    @Test
    void aRunThatRanOutOfStepsWhileExplodingSaysFromWhereToWhere() throws Exception {
        String spec = """
                {"problem": {"name": "ill-conditioned"}, "start": [-4, 1],
                 "optimizer": {"name": "sgd", "lr": %s}, "stop": {"max_steps": 100}}""";
        HttpResponse<String> exploding = post(spec.formatted("0.21"));
        double last = JSON.readTree(exploding.body()).get("steps").get(100).get("loss").asDouble();
        assertThat(exploding.body()).endsWith("\"status\":{\"reason\":\"max-steps\",\"steps\":100,"
                + "\"diverging\":{\"from\":13.0,\"to\":" + last + "}}}");
        assertThat(last).isBetween(9.4e8, 9.6e8);
        // every other run's status keeps its bytes
        assertThat(post(spec.formatted("0.15")).body()).endsWith("\"status\":{\"reason\":\"max-steps\",\"steps\":100}}");
    }

    @Test
    void gradientDescentOnTheBowlStepByStep() throws Exception {
        JsonNode run = ok("""
                {"problem": {"name": "bowl"}, "start": [3, 4],
                 "optimizer": {"name": "sgd", "lr": 0.1}, "stop": {"max_steps": 2}}""");
        JsonNode steps = run.get("steps");
        assertThat(steps).hasSize(3);
        // L = x^2 + 2y^2, grad = (2x, 4y); w <- w - lr * grad
        JsonNode s0 = steps.get(0);
        assertThat(s0.get("t").asInt()).isZero();
        assertThat(doubles(s0.get("params"))).containsExactly(3.0, 4.0);
        assertThat(s0.get("loss").asDouble()).isEqualTo(41.0);
        assertThat(doubles(s0.get("grad"))).containsExactly(6.0, 16.0);
        assertThat(s0.get("grad_norm").asDouble()).isEqualTo(Math.sqrt(6.0 * 6.0 + 16.0 * 16.0));
        assertThat(s0.get("lr").asDouble()).isEqualTo(0.1);
        assertThat(s0.has("velocity")).isFalse();
        assertThat(s0.has("m_hat")).isFalse();

        double x1 = 3 - 0.1 * 6;
        double y1 = 4 - 0.1 * 16;
        assertThat(doubles(steps.get(1).get("params"))).containsExactly(x1, y1);
        assertThat(steps.get(1).get("loss").asDouble()).isEqualTo(x1 * x1 + 2 * y1 * y1);
        double x2 = x1 - 0.1 * (2 * x1);
        double y2 = y1 - 0.1 * (4 * y1);
        assertThat(doubles(steps.get(2).get("params"))).containsExactly(x2, y2);
        assertThat(run.get("status").get("reason").asText()).isEqualTo("max-steps");
        assertThat(run.get("status").get("steps").asInt()).isEqualTo(2);
    }

    @Test
    void theIssueExampleRoundTripsWithAdamTermsAndAChange() throws Exception {
        JsonNode run = ok("""
                {"problem": {"name": "rosenbrock"},
                 "start": [-1.5, 2.0],
                 "optimizer": {"name": "adam", "lr": 0.05, "betas": [0.9, 0.999], "eps": 1e-8,
                               "weight_decay": 0, "amsgrad": false},
                 "schedule": {"name": "constant"},
                 "gradient": {"method": "analytic"},
                 "stop": {"max_steps": 200, "grad_norm": 1e-8},
                 "changes": [{"at": 100, "lr": 0.01}],
                 "seed": 7}""");
        JsonNode steps = run.get("steps");
        assertThat(steps).hasSize(201);
        // (1 - x)^2 + 100 (y - x^2)^2 at (-1.5, 2): 6.25 + 100 * 0.0625
        assertThat(steps.get(0).get("loss").asDouble()).isEqualTo(12.5);
        assertThat(steps.get(1).has("m_hat")).isTrue();
        assertThat(steps.get(1).get("v_hat")).hasSize(2);
        assertThat(steps.get(1).get("effective_lr")).hasSize(2);
        // Adam's first step moves each coordinate by about lr
        double dx = steps.get(1).get("params").get(0).asDouble() - (-1.5);
        assertThat(Math.abs(dx)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(steps.get(99).get("lr").asDouble()).isEqualTo(0.05);
        assertThat(steps.get(100).get("lr").asDouble()).isEqualTo(0.01);
        assertThat(run.get("status").get("reason").asText()).isEqualTo("max-steps");
    }

    @Test
    void momentumStepsCarryTheVelocity() throws Exception {
        JsonNode steps = ok("""
                {"problem": {"name": "bowl"}, "start": [3, 4],
                 "optimizer": {"name": "momentum", "lr": 0.1}, "stop": {"max_steps": 2}}""").get("steps");
        // torch: first buffer = g = (6, 16)
        assertThat(doubles(steps.get(1).get("velocity"))).containsExactly(6.0, 16.0);
    }

    @Test
    void aDivergingRunIsAStatusNotAnError() throws Exception {
        JsonNode run = ok("""
                {"problem": {"name": "bowl"}, "start": [3, 4],
                 "optimizer": {"name": "sgd", "lr": 1.5}, "stop": {"max_steps": 5000}}""");
        assertThat(run.get("status").get("reason").asText()).isEqualTo("diverged");
        assertThat(run.get("steps").size()).isLessThan(5001);
    }

    @Test
    void identicalRequestsGiveIdenticalBytes() {
        String spec = """
                {"problem": {"name": "linear-regression", "n": 200, "noise": 0.5, "batch_size": 8},
                 "optimizer": {"name": "sgd", "lr": 0.05, "momentum": 0.9},
                 "stop": {"max_steps": 300}, "seed": 42}""";
        HttpResponse<String> a = post(spec);
        HttpResponse<String> b = post(spec);
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(b.body());
        String otherSeed = spec.replace("\"seed\": 42", "\"seed\": 43");
        assertThat(post(otherSeed).body()).isNotEqualTo(a.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown top-level field  | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0.1},"stop":{"max_steps":5},"colour":"red"} | colour
        unknown problem          | {"problem":{"name":"everest"},"optimizer":{"name":"sgd","lr":0.1},"stop":{"max_steps":5}}              | problem.name
        unknown optimizer        | {"problem":{"name":"bowl"},"optimizer":{"name":"lion","lr":0.1},"stop":{"max_steps":5}}                | optimizer.name
        unknown optimizer key    | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0.1,"beta":1},"stop":{"max_steps":5}}        | optimizer.beta
        unknown schedule         | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0.1},"schedule":{"name":"wavy"},"stop":{"max_steps":5}} | schedule.name
        lr zero                  | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0},"stop":{"max_steps":5}}                   | optimizer.lr
        lr negative              | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":-0.1},"stop":{"max_steps":5}}                | optimizer.lr
        lr overflowing to inf    | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":1e999},"stop":{"max_steps":5}}               | optimizer.lr
        lr as a string           | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":"NaN"},"stop":{"max_steps":5}}               | optimizer.lr
        NaN literal              | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":NaN},"stop":{"max_steps":5}}                 | body
        start wrong dimension    | {"problem":{"name":"bowl"},"start":[1,2,3],"optimizer":{"name":"sgd","lr":0.1},"stop":{"max_steps":5}} | start
        max_steps zero           | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0.1},"stop":{"max_steps":0}}                 | stop.max_steps
        max_steps too many       | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0.1},"stop":{"max_steps":20001}}             | stop.max_steps
        max_steps missing        | {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0.1},"stop":{}}                              | stop.max_steps
        nesterov without momentum| {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0.1,"nesterov":true},"stop":{"max_steps":5}} | optimizer.nesterov
        not json                 | this is not json                                                                                        | body
        array body               | [1, 2]                                                                                                  | body
        duplicate key            | {"problem":{"name":"bowl"},"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0.1},"stop":{"max_steps":5}} | body
        """)
    void badSpecsAreProblemJsonNamingTheField(String why, String body, String field) throws Exception {
        HttpResponse<String> r = post(body);
        assertThat(r.statusCode()).as(why + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void boundsAreNamedInTheDetail() throws Exception {
        JsonNode lr = JSON.readTree(post("""
                {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0},"stop":{"max_steps":5}}""").body());
        assertThat(lr.get("detail").asText()).contains("0").contains("10");
        JsonNode steps = JSON.readTree(post("""
                {"problem":{"name":"bowl"},"optimizer":{"name":"sgd","lr":0.1},"stop":{"max_steps":20001}}""").body());
        assertThat(steps.get("detail").asText()).contains("20000");
    }

    @Test
    void bodiesOver64KbAreRefused() throws Exception {
        String body = "{\"problem\":{\"name\":\"bowl\"}" + " ".repeat(65 * 1024) + "}";
        // the server refuses on the declared length without reading the body and closes; a client
        // still writing the rest may have the connection reset under the answer, so only the
        // start of the body is sent here and the answer read to its end
        String path = server.url("/api/runs").substring(server.root().length());
        RawHttp.Response r = RawHttp.send(server.server().port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body.substring(0, 4096));
        assertThat(r.statusCode()).isEqualTo(413);
        JsonNode problem = JSON.readTree(r.text());
        assertThat(problem.get("field").asText()).isEqualTo("body");
        assertThat(problem.get("detail").asText()).contains("65536");
    }

    @Test
    void cataloguesDescribeWhatTheEngineAccepts() throws Exception {
        JsonNode problems = JSON.readTree(server.get("/api/problems").body()).get("problems");
        JsonNode rosenbrock = null;
        for (JsonNode p : problems) {
            if (p.get("name").asText().equals("rosenbrock")) {
                rosenbrock = p;
            }
        }
        assertThat(rosenbrock).isNotNull();
        assertThat(rosenbrock.get("dimension").asInt()).isEqualTo(2);
        assertThat(doubles(rosenbrock.get("minima").get(0))).containsExactly(1.0, 1.0);
        JsonNode optimizers = JSON.readTree(server.get("/api/optimizers").body()).get("optimizers");
        assertThat(optimizers.findValuesAsText("name")).contains("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw");
        JsonNode schedules = JSON.readTree(server.get("/api/schedules").body()).get("schedules");
        assertThat(schedules.findValuesAsText("name")).contains("constant", "step", "exponential", "cosine", "linear",
                "cosine-restarts", "plateau", "warmup");
    }

    @Test
    void landscapesSampleTheFunctionOrDescribeTheData() throws Exception {
        JsonNode bowl = JSON.readTree(server.get("/api/landscape?problem=%7B%22name%22%3A%22bowl%22%7D&n=5").body());
        assertThat(bowl.get("x")).hasSize(5);
        assertThat(bowl.get("z")).hasSize(5);
        // grid over [-5, 5]: z at x = -5, y = -5 is 25 + 2*25
        assertThat(bowl.get("z").get(0).get(0).asDouble()).isEqualTo(75.0);
        assertThat(bowl.get("min").asDouble()).isEqualTo(0.0);
        JsonNode data = JSON.readTree(server.get("/api/landscape?problem="
                + java.net.URLEncoder.encode("{\"name\":\"linear-regression\",\"n\":40}", java.nio.charset.StandardCharsets.UTF_8)
                + "&seed=3").body());
        assertThat(data.get("kind").asText()).isEqualTo("data");
        assertThat(data.get("points")).hasSize(40);
        JsonNode run = ok("{\"problem\":{\"name\":\"linear-regression\",\"n\":40},\"start\":" + data.get("minima").get(0)
                + ",\"optimizer\":{\"name\":\"sgd\",\"lr\":0.1},\"stop\":{\"max_steps\":1},\"seed\":3}");
        assertThat(run.get("steps").get(0).get("loss").asDouble()).isEqualTo(data.get("min").asDouble());
        HttpResponse<String> tooBig = server.get("/api/landscape?problem=%7B%22name%22%3A%22bowl%22%7D&n=5000");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooBig.body()).get("field").asText()).isEqualTo("n");
        HttpResponse<String> unknown = server.get("/api/landscape?problem=%7B%22name%22%3A%22alps%22%7D");
        assertThat(JSON.readTree(unknown.body()).get("field").asText()).isEqualTo("problem.name");
    }

    @Test
    void expressionsRunAsProblemsAndTyposAreDiagnosedWithTheirColumn() throws Exception {
        JsonNode ok = JSON.readTree(server.get("/api/expression?text=" + java.net.URLEncoder.encode("x^2 + 2*y^2",
                java.nio.charset.StandardCharsets.UTF_8)).body());
        assertThat(ok.get("valid").asBoolean()).isTrue();
        JsonNode typo = JSON.readTree(server.get("/api/expression?text=" + java.net.URLEncoder.encode("sin(x))",
                java.nio.charset.StandardCharsets.UTF_8)).body());
        assertThat(typo.get("valid").asBoolean()).isFalse();
        assertThat(typo.get("column").asInt()).isEqualTo(7);
        assertThat(server.get("/api/expression?text=x&dimension=3").statusCode()).isEqualTo(400);

        // the same bowl, typed: identical first steps to the built-in problem
        JsonNode typed = ok("""
                {"problem": {"expression": "x^2 + 2*y^2"}, "start": [3, 4],
                 "optimizer": {"name": "sgd", "lr": 0.1}, "stop": {"max_steps": 3}}""");
        JsonNode builtIn = ok("""
                {"problem": {"name": "bowl"}, "start": [3, 4],
                 "optimizer": {"name": "sgd", "lr": 0.1}, "stop": {"max_steps": 3}}""");
        assertThat(typed.get("steps")).isEqualTo(builtIn.get("steps"));
        HttpResponse<String> bad = post("""
                {"problem": {"expression": "x +* y"}, "optimizer": {"name": "sgd", "lr": 0.1}, "stop": {"max_steps": 3}}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("problem.expression");
        assertThat(JSON.readTree(bad.body()).get("detail").asText()).startsWith("column 4:");
    }

    @Test
    void unknownApiPathIsProblemJson() throws Exception {
        HttpResponse<String> r = server.get("/api/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(404);
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
