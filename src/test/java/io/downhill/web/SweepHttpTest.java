package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepHttpTest {
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

    private HttpResponse<String> get(String spec) {
        return server.get("/api/sweep?spec=" + URLEncoder.encode(spec, StandardCharsets.UTF_8));
    }

    @Test
    void sgdOnTheQuadraticPicksLrOne() throws Exception {
        HttpResponse<String> r = get("""
                {"problem": {"name": "quadratic"}, "stop": {"max_steps": 10}, "optimizers": ["sgd", "adam"],
                 "lr_min": 0.25, "lr_max": 4, "points": 5, "tolerance": 0.001}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("lrs")).hasSize(5);
        JsonNode sgd = body.get("curves").get(0);
        assertThat(sgd.get("optimizer").asText()).isEqualTo("sgd");
        assertThat(sgd.get("best_lr").asDouble()).isEqualTo(1.0);
        assertThat(sgd.get("points").get(2).get("final_loss").asDouble()).isEqualTo(0.0);
        assertThat(sgd.get("points").get(2).get("reached_at").asInt()).isEqualTo(1);
        assertThat(sgd.get("points").get(3).get("final_loss").asDouble()).isEqualTo(4.5);
        assertThat(sgd.get("points").get(3).get("reached_at").isNull()).isTrue();
        assertThat(body.get("curves").get(1).get("optimizer").asText()).isEqualTo("adam");
        assertThat(body.get("curves").get(1).get("points")).hasSize(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"problem\": {\"name\": \"bowl\"}, \"stop\": {\"max_steps\": 20000}, \"optimizers\": [\"sgd\", \"adam\", \"momentum\", \"rmsprop\", \"nesterov\"], \"points\": 13} | stop.max_steps | at most 500000",
        "{\"problem\": {\"name\": \"bowl\"}, \"stop\": {\"max_steps\": 10}, \"optimizers\": [\"sgd\"], \"points\": 20} | points | <= 13",
        "{\"problem\": {\"name\": \"bowl\"}, \"stop\": {\"max_steps\": 10}, \"optimizers\": [\"lion\"]} | optimizers[0] | must be one of",
        "{\"problem\": {\"name\": \"bowl\"}, \"stop\": {\"max_steps\": 10}, \"optimizers\": [\"sgd\"], \"lr_max\": 11} | lr_max | <= 10",
        "{\"problem\": {\"name\": \"bowl\"}, \"stop\": {\"max_steps\": 10}, \"optimizers\": [\"sgd\"], \"optimizer\": {\"name\": \"sgd\"}} | optimizer | set by the sweep",
        "{\"problem\": {\"name\": \"bowl\"}, \"optimizers\": [\"sgd\"]} | stop.max_steps | is required",
        "not json | spec | must be a JSON object",
    })
    void badInputIsA400NamingTheField(String spec, String field, String rule) throws Exception {
        HttpResponse<String> r = get(spec);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("detail").asText()).contains(rule);
    }

    @Test
    void aMissingSpecIsA400() throws Exception {
        HttpResponse<String> r = server.get("/api/sweep");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("spec");
    }
}
