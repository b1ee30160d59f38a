package io.downhill.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downhill.web.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateMapHttpTest {
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

    @Test
    void aMapWithItsOptimumAndAMeasuredPoint() throws Exception {
        HttpResponse<String> r = server.get("/api/rate-map?kappa=100&n=11&lr=0.02&momentum=0.81");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("eta")).hasSize(11);
        assertThat(body.get("mu")).hasSize(11);
        assertThat(body.get("rate")).hasSize(11);
        assertThat(body.get("rate").get(0)).hasSize(11);
        // μ = 0, η = 4/100 (the last column): max(|1 − 0.04|, |1 − 4|) = 3
        assertThat(body.get("rate").get(0).get(10).asDouble()).isEqualTo(3.0);
        assertThat(body.get("optimum").get("lr").asDouble()).isEqualTo(4.0 / 121);
        assertThat(body.get("optimum").get("rate").asDouble()).isEqualTo(9.0 / 11);
        assertThat(body.get("plain").get("rate").asDouble()).isEqualTo(99.0 / 101);
        JsonNode point = body.get("point");
        // η = 0.02, μ = 0.81: a = 1.79 and −0.19, both with a² < 4μ = 3.24, so a complex pair each: √0.81
        assertThat(point.get("predicted").asDouble()).isEqualTo(Math.sqrt(0.81));
        assertThat(point.get("measured").asDouble()).isBetween(0.89, 0.91);
        assertThat(work()).isEqualTo(2L * 61 * 61 + 400);
    }

    @Test
    void nZeroGivesThePointAlone() throws Exception {
        HttpResponse<String> r = server.get("/api/rate-map?kappa=10&n=0&lr=0.125&momentum=0");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.has("rate")).isFalse();
        // μ = 0: max(|1 − 0.125|, |1 − 1.25|) = 0.875
        assertThat(body.get("point").get("predicted").asDouble()).isEqualTo(0.875);
        assertThat(body.get("point").get("measured").asDouble()).isBetween(0.87, 0.88);
    }

    private static long work() {
        return RateMapApi.work(61, true);
    }

    @ParameterizedTest
    @CsvSource({
        "kappa=0.5, kappa, from 1 to 1000",
        "kappa=abc, kappa, from 1 to 1000",
        "n=500, n, from 2 to 121",
        "n=1, n, 0 (no map)",
        "lr=0&momentum=0.5, lr, > 0 and <= 10",
        "momentum=0.5, lr, is required",
        "lr=0.1&momentum=1, momentum, from 0 to 0.999",
    })
    void badInputIsA400NamingTheField(String query, String field, String rule) throws Exception {
        HttpResponse<String> r = server.get("/api/rate-map?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("detail").asText()).contains(rule);
    }
}
