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
class PyTorchHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADAM = """
            {"problem": {"name": "rosenbrock"}, "start": [-1.5, 2], "optimizer": {"name": "adam", "lr": 0.05},
             "stop": {"max_steps": 100}, "seed": 7}""";
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
        return server.get("/api/runs/pytorch?spec=" + URLEncoder.encode(spec, StandardCharsets.UTF_8));
    }

    @Test
    void oneSpecGivesAPythonScript() {
        HttpResponse<String> r = get(ADAM);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/x-python"));
        assertThat(r.body()).contains("opt = torch.optim.Adam([p], lr=0.05, betas=(0.9, 0.999), eps=1.0e-8, weight_decay=0.0, amsgrad=False)")
                .contains("torch.manual_seed(7)").contains("for t in range(100):").contains("#   run_1: loss ");
    }

    @Test
    void aListOfSpecsGivesOneRunEach() {
        HttpResponse<String> r = get("[" + ADAM + "," + ADAM.replace("adam", "sgd").replace("0.05", "0.001") + "]");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("def run_1():").contains("def run_2():").contains("torch.optim.SGD([p], lr=0.001");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json | spec | must be a run spec",
        "[] | spec | 1 to 8 run specs",
        "{\"problem\": {\"name\": \"bowl\"}, \"optimizer\": {\"name\": \"sgd\", \"lr\": 50}, \"stop\": {\"max_steps\": 5}} | spec.optimizer.lr | <= 10",
        "[{\"problem\": {\"name\": \"bowl\"}, \"optimizer\": {\"name\": \"sgd\"}, \"stop\": {\"max_steps\": 5}}, {\"problem\": {\"name\": \"beale\"}, \"optimizer\": {\"name\": \"sgd\"}, \"stop\": {\"max_steps\": 5}}] | spec[1].problem | same problem",
        "[1] | spec[0] | must be a run spec",
    })
    void badInputIsA400NamingTheField(String spec, String field, String rule) throws Exception {
        HttpResponse<String> r = get(spec);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("detail").asText()).contains(rule);
    }

    @Test
    void nineSpecsAreTooMany() throws Exception {
        String nine = "[" + String.join(",", java.util.Collections.nCopies(9, ADAM)) + "]";
        HttpResponse<String> r = get(nine);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("1 to 8");
        assertThat(server.get("/api/runs/pytorch").statusCode()).isEqualTo(400);
    }
}
