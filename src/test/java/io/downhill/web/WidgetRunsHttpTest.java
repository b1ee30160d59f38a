package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /api/widgets/runs}: a widget's runs for a state, built on the server from the lesson's block. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetRunsHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LESSON = "what-gradient-descent-does";
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("/course");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> runs(String widget, String state) {
        return server.get("/api/widgets/runs?lesson=" + LESSON + "&widget=" + widget + (state == null ? "" : "&state=" + enc(state)));
    }

    @Test
    void thePageEmbedsTheDefaultRunsTheEndpointGivesAndTheyRunToTheSameBytesAsBefore() throws Exception {
        String page = server.get("/lessons/" + LESSON).body();
        Matcher m = Pattern.compile("id=\"w1\"[^>]*data-runs=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("w1 embeds its runs").isTrue();
        JsonNode embedded = JSON.readTree(org.jsoup.parser.Parser.unescapeEntities(m.group(1), true));
        HttpResponse<String> r = runs("w1", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue(RunRequests.CACHE_CONTROL);
        JsonNode served = JSON.readTree(r.body()).get("runs");
        assertThat(served).isEqualTo(embedded);
        // the spec descent-2d's script built for this block before the server built it
        String before = "{\"problem\":{\"name\":\"bowl\"},\"start\":[3,4],\"optimizer\":{\"name\":\"sgd\",\"lr\":0.1},"
                + "\"stop\":{\"max_steps\":60},\"changes\":[],\"seed\":0}";
        byte[] old = server.getBytes("/api/runs?spec=" + enc(before)).body();
        byte[] now = server.getBytes("/api/runs?spec=" + enc(JSON.writeValueAsString(served.get(0)))).body();
        assertThat(now).isEqualTo(old);
        assertThat(new String(now, StandardCharsets.UTF_8)).contains("\"t\":60");
    }

    @Test
    void aStateWithAForkGivesTheRunWithItsChange() throws Exception {
        HttpResponse<String> r = runs("w1", "{\"lr\":0.2,\"start\":[1,-1],\"forks\":[{\"at\":12,\"optimizer.lr\":0.05}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode run = JSON.readTree(r.body()).get("runs").get(0);
        assertThat(run.get("optimizer").get("lr").asDouble()).isEqualTo(0.2);
        assertThat(run.get("start").toString()).isEqualTo("[1.0,-1.0]");
        assertThat(run.get("changes").toString()).isEqualTo("[{\"at\":12,\"lr\":0.05}]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "w1|{\"lr\":0}|state.lr|from 0.0001 to 2",
        "w1|{\"lr\":50}|state.lr|from 0.0001 to 2",
        "w1|{\"optimizer\":\"adam\"}|state.optimizer|its controls are lr, start",
        "w1|{\"start\":[1]}|state.start|list of 2 numbers",
        "w1|{\"forks\":[{\"at\":61,\"optimizer.lr\":0.1}]}|state.forks[0].at|from 1 to 60",
        "w1|{\"forks\":[{\"at\":5,\"seed\":1}]}|state.forks[0].seed|optimizer.lr",
        "w1|[1,2]|state|JSON object",
        "w1|{\"lr\":1e999999999999999999999999999999999999999999999999999999999999999999}|state|JSON object",
        "w9|{}|widget|has no widget w9",
        "x|{}|widget|w1, w2",
    })
    void aBadStateIsA400NamingTheField(String widget, String state, String field, String detail) throws Exception {
        HttpResponse<String> r = runs(widget, state);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).contains(detail);
    }

    private HttpResponse<String> runsOf(String lesson, String widget, String state) {
        return server.get("/api/widgets/runs?lesson=" + lesson + "&widget=" + widget + (state == null ? "" : "&state=" + enc(state)));
    }

    /** The served runs of a state, as JSON text, after checking the call succeeded. */
    private JsonNode served(String lesson, String widget, String state) throws Exception {
        HttpResponse<String> r = runsOf(lesson, widget, state);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("runs");
    }

    /** Run {@code i} of the served runs answers the run API with the same bytes as the spec the page's script built before. */
    private void sameBytes(JsonNode runs, int i, String before) throws Exception {
        byte[] old = server.getBytes("/api/runs?spec=" + enc(before)).body();
        byte[] now = server.getBytes("/api/runs?spec=" + enc(JSON.writeValueAsString(runs.get(i)))).body();
        assertThat(new String(now, StandardCharsets.UTF_8)).isEqualTo(new String(old, StandardCharsets.UTF_8));
    }

    @Test
    void customFunctionRunsEachOptimizerOnTheTypedFunction() throws Exception {
        String problem = "{\"expression\":\"sin(x)*cos(y) + 0.1*(x^2 + y^2)\",\"range\":[[-4.0,4.0],[-4.0,4.0]]}";
        JsonNode runs = served("playground", "w3", null);
        assertThat(runs.toString()).isEqualTo("[" + String.join(",",
                "{\"problem\":" + problem + ",\"start\":[2.6666666666666665,2.6666666666666665],\"optimizer\":{\"name\":\"sgd\",\"lr\":0.05},\"stop\":{\"max_steps\":300},\"changes\":[],\"seed\":0}",
                "{\"problem\":" + problem + ",\"start\":[2.6666666666666665,2.6666666666666665],\"optimizer\":{\"name\":\"momentum\",\"lr\":0.02},\"stop\":{\"max_steps\":300},\"changes\":[],\"seed\":0}",
                "{\"problem\":" + problem + ",\"start\":[2.6666666666666665,2.6666666666666665],\"optimizer\":{\"name\":\"adam\",\"lr\":0.1},\"stop\":{\"max_steps\":300},\"changes\":[],\"seed\":0}") + "]");
        // as custom-function.js built it: the range twice, the start a third of the way from the middle
        sameBytes(runs, 2, "{\"problem\":{\"expression\":\"sin(x)*cos(y) + 0.1*(x^2 + y^2)\",\"range\":[[-4,4],[-4,4]]},"
                + "\"start\":[2.6666666666666665,2.6666666666666665],\"optimizer\":{\"name\":\"adam\",\"lr\":0.1},"
                + "\"stop\":{\"max_steps\":300},\"changes\":[],\"seed\":0}");
        JsonNode changed = served("playground", "w3", "{\"expression\":\" x^2 + 10*y^2 \",\"start\":[1,-2]}");
        assertThat(changed.get(0).toString()).isEqualTo("{\"problem\":{\"expression\":\"x^2 + 10*y^2\",\"range\":[[-4.0,4.0],[-4.0,4.0]]},"
                + "\"start\":[1.0,-2.0],\"optimizer\":{\"name\":\"sgd\",\"lr\":0.05},\"stop\":{\"max_steps\":300},\"changes\":[],\"seed\":0}");
    }

    @Test
    void optimizerRaceRunsEachOptimizerAtItsRateAndTunedAtTheSweepsBest() throws Exception {
        JsonNode runs = served("playground", "w1", null);
        assertThat(runs).hasSize(7);
        assertThat(runs.get(0).toString()).isEqualTo("{\"problem\":{\"name\":\"rosenbrock\"},\"start\":[-1.5,2.0],"
                + "\"optimizer\":{\"name\":\"sgd\",\"lr\":0.001},\"stop\":{\"max_steps\":3000},\"changes\":[],\"seed\":0}");
        assertThat(runs.get(3).get("optimizer").toString()).isEqualTo("{\"name\":\"adagrad\",\"lr\":0.5}");
        assertThat(JSON.readTree(runsOf("playground", "w1", null).body()).get("requests").toString()).isEqualTo("{}");
        // as optimizer-race.js built it
        sameBytes(runs, 5, "{\"problem\":{\"name\":\"rosenbrock\"},\"start\":[-1.5,2],\"optimizer\":{\"name\":\"adam\",\"lr\":0.05},"
                + "\"stop\":{\"max_steps\":3000},\"changes\":[],\"seed\":0}");

        // another function starts at its own start
        JsonNode bowl = served("playground", "w1", "{\"problem\":\"bowl\"}");
        assertThat(bowl.get(6).toString()).isEqualTo("{\"problem\":{\"name\":\"bowl\"},\"start\":[3.0,4.0],"
                + "\"optimizer\":{\"name\":\"adamw\",\"lr\":0.05},\"stop\":{\"max_steps\":3000},\"changes\":[],\"seed\":0}");

        // tuned: the page is told which sweep to draw, and each run uses that sweep's best rate
        JsonNode tuned = JSON.readTree(runsOf("playground", "w1", "{\"problem\":\"bowl\",\"start\":[1,1],\"tuned\":true}").body());
        JsonNode sweep = tuned.get("requests").get("sweep");
        assertThat(sweep.get("path").asText()).isEqualTo("sweep");
        String sweepSpec = "{\"problem\":{\"name\":\"bowl\"},\"start\":[1.0,1.0],\"stop\":{\"max_steps\":3000},\"seed\":0,"
                + "\"optimizers\":[\"sgd\",\"momentum\",\"nesterov\",\"adagrad\",\"rmsprop\",\"adam\",\"adamw\"],\"tolerance\":0.001}";
        assertThat(sweep.get("query").get("spec").toString()).isEqualTo(sweepSpec);
        JsonNode curves = JSON.readTree(server.get("/api/sweep?spec=" + enc(sweepSpec)).body()).get("curves");
        for (int i = 0; i < 7; i++) {
            JsonNode run = tuned.get("runs").get(i);
            assertThat(run.get("optimizer").get("name")).isEqualTo(curves.get(i).get("optimizer"));
            assertThat(run.get("optimizer").get("lr").asDouble()).isEqualTo(curves.get(i).get("best_lr").asDouble());
            assertThat(run.get("start").toString()).isEqualTo("[1.0,1.0]");
        }
    }

    @Test
    void stoppingRulesRunOnceWithOnlyMaxStepsAndTheTolerancesChangeNoRun() throws Exception {
        String run = "{\"problem\":{\"name\":\"ill-conditioned\"},\"start\":[%s],\"optimizer\":{\"name\":\"sgd\",\"lr\":%s},"
                + "\"stop\":{\"max_steps\":4000},\"changes\":[],\"seed\":0}";
        JsonNode runs = served("when-to-stop", "w1", null);
        assertThat(runs.toString()).isEqualTo("[" + run.formatted("-4.0,1.0", "0.003") + "]");
        // as stopping-rules.js built it
        sameBytes(runs, 0, run.formatted("-4,1", "0.003"));
        assertThat(served("when-to-stop", "w1", "{\"lr\":0.05}").toString()).isEqualTo("[" + run.formatted("-4.0,1.0", "0.05") + "]");
        assertThat(served("when-to-stop", "w1", "{\"grad_norm\":0.1,\"loss_change\":1e-9,\"param_change\":0.5}")).isEqualTo(runs);
    }

    @Test
    void aStreamAskedForTheMeasuresGetsWhatTheStoppingRulesCompare() throws Exception {
        String spec = "{\"problem\":{\"name\":\"bowl\"},\"start\":[3,4],\"optimizer\":{\"name\":\"sgd\",\"lr\":0.1},\"stop\":{\"max_steps\":2}}";
        JsonNode steps = JSON.readTree(server.get("/api/runs?fields=params,loss,measures&spec=" + enc(spec)).body()).get("steps");
        // bowl x² + 2y²: (3, 4), loss 41 -> (2.4, 2.4), loss 17.28 -> (1.92, 1.44), loss 7.8336
        assertThat(steps.get(0).has("loss_change")).isFalse();
        assertThat(steps.get(1).get("loss_change").asDouble()).isCloseTo(41 - 17.28, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(steps.get(1).get("param_change").asDouble()).isCloseTo(Math.hypot(0.6, 1.6), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(steps.get(2).get("loss_change").asDouble()).isCloseTo(17.28 - 7.8336, org.assertj.core.data.Offset.offset(1e-12));
        // the default answer carries no measures, as before
        assertThat(server.get("/api/runs?spec=" + enc(spec)).body()).doesNotContain("loss_change");
    }

    @Test
    void batchNoiseRunsTheSameDataAtThreeBatchSizesAndNamesItsDataAndCloudCalls() throws Exception {
        String lesson = "batch-stochastic-and-mini-batch";
        String run = "{\"problem\":{\"name\":\"linear-regression\",\"n\":100,\"noise\":0.5,\"batch_size\":%d},"
                + "\"optimizer\":{\"name\":\"sgd\",\"lr\":%s},\"stop\":{\"max_steps\":200},\"changes\":[],\"seed\":2}";
        JsonNode runs = served(lesson, "w1", null);
        assertThat(runs.toString()).isEqualTo("[" + run.formatted(100, "0.1") + "," + run.formatted(1, "0.1") + "," + run.formatted(10, "0.1") + "]");
        // as batch-noise.js built it
        sameBytes(runs, 2, run.formatted(10, "0.1"));
        JsonNode changed = JSON.readTree(runsOf(lesson, "w1", "{\"batch\":32,\"lr\":0.02,\"epochs\":true}").body());
        assertThat(changed.get("runs").get(2).toString()).isEqualTo(run.formatted(32, "0.02"));
        assertThat(changed.get("runs").get(0).toString()).isEqualTo(run.formatted(100, "0.02"));
        String data = "{\"name\":\"linear-regression\",\"n\":100,\"noise\":0.5,\"batch_size\":100}";
        assertThat(changed.get("requests").get("cloud").toString()).isEqualTo("{\"path\":\"gradients\",\"query\":{\"problem\":" + data
                + ",\"seed\":2,\"batch_size\":32,\"samples\":60}}");
        assertThat(changed.get("requests").get("data").toString()).isEqualTo("{\"path\":\"landscape\",\"query\":{\"problem\":" + data
                + ",\"n\":2,\"seed\":2}}");
        // the page adds the point; the gradients API answers the call as written
        HttpResponse<String> cloud = server.get("/api/gradients?problem=" + enc(data) + "&seed=2&batch_size=32&samples=60&params=" + enc("[0.5,1]"));
        assertThat(cloud.statusCode()).as(cloud.body()).isEqualTo(200);
        assertThat(JSON.readTree(cloud.body()).get("batches")).hasSize(60);
    }

    @Test
    void gradientLabHasNoRunsAndWritesItsComparisonCall() throws Exception {
        String lesson = "where-gradients-come-from";
        JsonNode answer = JSON.readTree(runsOf(lesson, "w1", null).body());
        assertThat(answer.get("runs").toString()).isEqualTo("[]");
        assertThat(answer.get("requests").toString())
                .isEqualTo("{\"lab\":{\"path\":\"gradient-lab\",\"query\":{\"text\":\"(x + y) * sin(x)\",\"point\":[1.0,2.0]}}}");
        JsonNode changed = JSON.readTree(runsOf(lesson, "w1", "{\"expression\":\"x * exp(y)\",\"px\":-0.5,\"h\":1e-12}").body());
        assertThat(changed.get("requests").toString())
                .isEqualTo("{\"lab\":{\"path\":\"gradient-lab\",\"query\":{\"text\":\"x * exp(y)\",\"point\":[-0.5,2.0]}}}");
        // the call as written is one the gradient lab answers
        HttpResponse<String> lab = server.get("/api/gradient-lab?text=" + enc("x * exp(y)") + "&point=" + enc("[-0.5,2.0]"));
        assertThat(lab.statusCode()).as(lab.body()).isEqualTo(200);
        assertThat(JSON.readTree(lab.body()).get("automatic").get(0).asDouble()).isEqualTo(Math.exp(2));
        // and the state's answer carries that call's answer, so a moved point costs one round trip
        assertThat(changed.get("answers").fieldNames()).toIterable().containsExactly("lab");
        assertThat(changed.get("answers").get("lab")).isEqualTo(JSON.readTree(lab.body()));
    }

    @Test
    void aStateWithOnlyRunsCarriesNoAnswers() throws Exception {
        JsonNode answer = JSON.readTree(runsOf("what-gradient-descent-does", "w1", "{\"lr\":0.2}").body());
        assertThat(answer.get("runs").size()).isPositive();
        assertThat(answer.has("answers")).isFalse();
    }

    @Test
    void rateMapRunsTheLearnersPointAndNarrowsTheLearningRatesToItsKappa() throws Exception {
        String lesson = "momentum-and-nesterov";
        String run = "{\"problem\":{\"name\":\"ill-conditioned\",\"condition\":%s},\"start\":[1.0,1.0],"
                + "\"optimizer\":{\"name\":\"momentum\",\"lr\":%s,\"momentum\":%s},\"stop\":{\"max_steps\":200},\"changes\":[],\"seed\":0}";
        JsonNode answer = JSON.readTree(runsOf(lesson, "w2", null).body());
        assertThat(answer.get("runs").toString()).isEqualTo("[" + run.formatted("10.0", "0.18181818181818182", "0.0") + "]");
        assertThat(answer.has("controls")).isFalse();
        assertThat(answer.get("requests").get("map").toString()).isEqualTo("{\"path\":\"rate-map\",\"query\":{\"kappa\":10.0,\"n\":61}}");
        assertThat(answer.get("requests").get("point").toString()).isEqualTo("{\"path\":\"rate-map\",\"query\":"
                + "{\"kappa\":10.0,\"n\":0,\"lr\":0.18181818181818182,\"momentum\":0.0}}");
        // as rate-map.js built it
        sameBytes(answer.get("runs"), 0, "{\"problem\":{\"name\":\"ill-conditioned\",\"condition\":10},\"start\":[1,1],"
                + "\"optimizer\":{\"name\":\"momentum\",\"lr\":0.18181818181818182,\"momentum\":0},\"stop\":{\"max_steps\":200},\"changes\":[],\"seed\":0}");

        // κ 100.4 is taken as 100: the map ends at 4/100, so a rate of 0.3 is kept at its end, and the slider follows
        JsonNode narrowed = JSON.readTree(runsOf(lesson, "w2", "{\"kappa\":100.4,\"lr\":0.3,\"momentum\":0.5}").body());
        assertThat(narrowed.get("runs").toString()).isEqualTo("[" + run.formatted("100.0", "0.04", "0.5") + "]");
        JsonNode lr = narrowed.get("controls").get(1);
        assertThat(lr.get("name").asText()).isEqualTo("lr");
        assertThat(lr.get("min").asDouble()).isEqualTo(0.04 / 200);
        assertThat(lr.get("max").asDouble()).isEqualTo(0.04);
        assertThat(lr.get("value").asDouble()).isEqualTo(0.04);
        // the call as written is one the rate map answers
        HttpResponse<String> point = server.get("/api/rate-map?kappa=100.0&n=0&lr=0.04&momentum=0.5");
        assertThat(point.statusCode()).as(point.body()).isEqualTo(200);
        assertThat(narrowed.get("requests").get("point").get("query").toString()).isEqualTo("{\"kappa\":100.0,\"n\":0,\"lr\":0.04,\"momentum\":0.5}");
    }

    @Test
    void deepGradientsHasNoRunsAndWritesItsTrainingStream() throws Exception {
        String lesson = "gradients-in-deep-networks";
        String spec = "{\"dataset\":\"moons\",\"depth\":%d,\"width\":8,\"activation\":\"%s\",\"init\":\"%s\",\"residual\":%s,"
                + "\"clip_grad_norm\":%s,\"weight_decay\":0.0,\"optimizer\":\"adam\",\"lr\":0.01,\"max_steps\":300,\"seed\":1}";
        JsonNode answer = JSON.readTree(runsOf(lesson, "w1", null).body());
        assertThat(answer.get("runs").toString()).isEqualTo("[]");
        String first = spec.replace("\"max_steps\":300", "\"max_steps\":1");
        assertThat(answer.get("requests").toString()).isEqualTo("{\"train\":{\"path\":\"train/stream\",\"query\":{\"spec\":"
                + spec.formatted(20, "sigmoid", "normal", "false", "null") + "}},\"first\":{\"path\":\"train/stream\",\"query\":{\"spec\":"
                + first.formatted(20, "sigmoid", "normal", "false", "null") + "}}}");
        JsonNode changed = JSON.readTree(runsOf(lesson, "w1", "{\"depth\":4,\"activation\":\"relu\",\"init\":\"he\",\"residual\":true,\"clip\":true}").body());
        assertThat(changed.get("requests").get("train").get("query").get("spec").toString())
                .isEqualTo(spec.formatted(4, "relu", "he", "true", "1.0"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "momentum-and-nesterov|w2|{\"kappa\":1}|state.kappa|from 2 to 1000",
        "momentum-and-nesterov|w2|{\"momentum\":1}|state.momentum|from 0 to 0.99",
        "momentum-and-nesterov|w2|{\"lr\":3}|state.lr|to 2",
        "gradients-in-deep-networks|w1|{\"depth\":31}|state.depth|from 1 to 30",
        "gradients-in-deep-networks|w1|{\"activation\":\"softplus\"}|state.activation|sigmoid, tanh, relu",
        "gradients-in-deep-networks|w1|{\"clip\":1}|state.clip|true or false",
        "where-gradients-come-from|w1|{\"expression\":\"x * exp(y\"}|state.expression|column 10:",
        "where-gradients-come-from|w1|{\"px\":3.5}|state.px|from -3 to 3",
        "where-gradients-come-from|w1|{\"h\":1}|state.h|to 0.1",
        "batch-stochastic-and-mini-batch|w1|{\"batch\":0}|state.batch|from 1 to 100",
        "batch-stochastic-and-mini-batch|w1|{\"batch\":101}|state.batch|from 1 to 100",
        "batch-stochastic-and-mini-batch|w1|{\"lr\":0.00001}|state.lr|from 0.0001 to 2",
        "batch-stochastic-and-mini-batch|w1|{\"epochs\":\"yes\"}|state.epochs|true or false",
        "when-to-stop|w1|{\"lr\":3}|state.lr|from 0.0001 to 2",
        "when-to-stop|w1|{\"grad_norm\":0}|state.grad_norm|from 0.0000000001 to 10",
        "when-to-stop|w1|{\"loss_change\":2}|state.loss_change|to 1",
        "when-to-stop|w1|{\"forks\":[{\"at\":3,\"optimizer.lr\":0.1}]}|state.forks[0].optimizer.lr|not a path",
        "playground|w1|{\"problem\":\"saddle\"}|state.problem|rosenbrock, beale",
        "playground|w1|{\"tuned\":1}|state.tuned|true or false",
        "playground|w1|{\"start\":[0,99]}|state.start[1]|from ",
        "playground|w3|{\"expression\":\"x^2 + (y\"}|state.expression|column 9:",
        "playground|w3|{\"expression\":\"  \"}|state.expression|1 to 500 characters",
        "playground|w3|{\"expression\":7}|state.expression|1 to 500 characters",
        "playground|w3|{\"start\":[4.5,0]}|state.start[0]|from -4 to 4",
        "playground|w3|{\"forks\":[{\"at\":3,\"problem.expression\":\"x^2\"}]}|state.forks[0].problem.expression|not a path",
    })
    void aBadStateOfANewlyConvertedWidgetIsA400NamingTheField(String lesson, String widget, String state, String field, String detail)
            throws Exception {
        HttpResponse<String> r = runsOf(lesson, widget, state);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).contains(detail);
    }

    @Test
    void otherMethodsAndMissingLessonsAreRefused() throws Exception {
        assertThat(server.post("/api/widgets/runs?lesson=" + LESSON + "&widget=w1", "{}").statusCode()).isEqualTo(405);
        HttpResponse<String> r = server.get("/api/widgets/runs?lesson=nowhere&widget=w1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("widget");
        assertThat(JSON.readTree(server.get("/api/widgets/runs?widget=w1").body()).get("field").asText()).isEqualTo("lesson");
    }
}
