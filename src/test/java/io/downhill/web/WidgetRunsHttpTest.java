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
        assertThat(r.headers().firstValue("Cache-Control")).hasValue(RunApi.CACHE_CONTROL);
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

    @Test
    void otherMethodsAndMissingLessonsAreRefused() throws Exception {
        assertThat(server.post("/api/widgets/runs?lesson=" + LESSON + "&widget=w1", "{}").statusCode()).isEqualTo(405);
        HttpResponse<String> r = server.get("/api/widgets/runs?lesson=nowhere&widget=w1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("widget");
        assertThat(JSON.readTree(server.get("/api/widgets/runs?widget=w1").body()).get("field").asText()).isEqualTo("lesson");
    }
}
