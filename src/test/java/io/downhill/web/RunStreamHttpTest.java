package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Server-Sent Events over real HTTP: frames, ids, resume, errors, limits, and cleanup. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunStreamHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = """
            {"problem": {"name": "rosenbrock"}, "start": [-1.5, 2],
             "optimizer": {"name": "adam", "lr": 0.05}, "stop": {"max_steps": 120}, "seed": 3}""";
    private static final int PER_CLIENT = 3;

    private TestServer server;

    record Event(String name, String id, String data) {}

    @BeforeAll
    void start() {
        server = TestServer.start(new ServerOptions("127.0.0.1", 0, null, "/course", false, false)
                .withStreamLimits(50, PER_CLIENT));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String streamPath(String spec) {
        return "/api/runs/stream?spec=" + URLEncoder.encode(spec, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> stream(String spec, String... headers) {
        List<String> all = new ArrayList<>(List.of("Accept", "text/event-stream"));
        all.addAll(List.of(headers));
        return server.get(streamPath(spec), all.toArray(String[]::new));
    }

    static List<Event> parse(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            if (data.length() > 0) {
                events.add(new Event(name, id, data.toString()));
            }
        }
        return events;
    }

    private List<JsonNode> steps(List<Event> events) throws Exception {
        List<JsonNode> steps = new ArrayList<>();
        for (Event e : events) {
            if (e.name().equals("frame")) {
                JsonNode frame = JSON.readTree(e.data()).get("steps");
                frame.forEach(steps::add);
                assertThat(e.id()).isEqualTo(frame.get(frame.size() - 1).get("t").asText());
            }
        }
        return steps;
    }

    @Test
    void framesCarryConsecutiveStepsThenADoneEvent() throws Exception {
        HttpResponse<String> r = stream(SPEC);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<Event> events = parse(r.body());
        List<JsonNode> steps = steps(events);
        assertThat(steps).hasSize(121);
        for (int t = 0; t < steps.size(); t++) {
            assertThat(steps.get(t).get("t").asInt()).isEqualTo(t);
        }
        assertThat(events.stream().filter(e -> e.name().equals("frame")).count()).isGreaterThan(1);
        Event done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        assertThat(JSON.readTree(done.data()).get("status").get("reason").asText()).isEqualTo("max-steps");
        assertThat(JSON.readTree(done.data()).get("status").get("steps").asInt()).isEqualTo(120);
    }

    @Test
    void streamedStepsAreBitIdenticalToPost() throws Exception {
        JsonNode posted = JSON.readTree(server.post("/api/runs", SPEC, "Content-Type", "application/json").body());
        List<JsonNode> streamed = steps(parse(stream(SPEC).body()));
        assertThat(streamed).hasSize(posted.get("steps").size());
        for (int t = 0; t < streamed.size(); t++) {
            assertThat(streamed.get(t).toString()).isEqualTo(posted.get("steps").get(t).toString());
        }
    }

    @Test
    void fieldsPickWhatEachStepCarries() throws Exception {
        List<JsonNode> full = steps(parse(stream(SPEC).body()));
        assertThat(full.get(1).has("m_hat")).isTrue();
        List<JsonNode> slim = steps(parse(server.get(streamPath(SPEC) + "&fields=params,loss",
                "Accept", "text/event-stream").body()));
        assertThat(slim).hasSize(full.size());
        JsonNode step = slim.get(7);
        assertThat(step.size()).isEqualTo(3);
        assertThat(step.get("params")).isEqualTo(full.get(7).get("params"));
        assertThat(step.get("loss")).isEqualTo(full.get(7).get("loss"));
        HttpResponse<String> bad = server.get(streamPath(SPEC) + "&fields=params,colour", "Accept", "text/event-stream");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("fields");
    }

    @Test
    void roundedStepsCarryEachNumberAsTheNearestFloatInFewerBytes() throws Exception {
        String fullBody = server.get(streamPath(SPEC) + "&fields=params,loss", "Accept", "text/event-stream").body();
        String roundedBody = server.get(streamPath(SPEC) + "&fields=params,loss,rounded", "Accept", "text/event-stream").body();
        List<JsonNode> full = steps(parse(fullBody));
        List<JsonNode> rounded = steps(parse(roundedBody));
        assertThat(rounded).hasSize(full.size());
        // Adam's first step moves each coordinate by lr = 0.05 (m-hat / sqrt(v-hat) = sign of the gradient)
        assertThat(full.get(1).get("params").get(0).asDouble()).isNotEqualTo(-1.45).isCloseTo(-1.45, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rounded.get(1).get("params").get(0).toString()).isEqualTo("-1.45");
        for (int t = 0; t < full.size(); t++) {
            for (int i = 0; i < 2; i++) {
                assertThat(Float.parseFloat(rounded.get(t).get("params").get(i).toString()))
                        .isEqualTo((float) full.get(t).get("params").get(i).asDouble());
            }
            assertThat(Float.parseFloat(rounded.get(t).get("loss").toString())).isEqualTo((float) full.get(t).get("loss").asDouble());
        }
        assertThat(roundedBody.length()).isLessThan(fullBody.length() * 3 / 4);
        // "rounded" alone: every field, rounded
        JsonNode every = steps(parse(server.get(streamPath(SPEC) + "&fields=rounded", "Accept", "text/event-stream").body())).get(3);
        assertThat(every.has("m_hat")).isTrue();
        assertThat(every.get("lr").toString()).isEqualTo("0.05");
    }

    @Test
    void roundedStepsKeepNumbersBeyondAFloatsRangeAsDoubles() throws Exception {
        // a loss of 1e40 is above a float's largest value, an lr of 1e-45 below its smallest normal one
        String steep = """
                {"problem": {"expression": "x^40 + y^2"}, "start": [10, 1],
                 "optimizer": {"name": "sgd", "lr": 1e-45}, "stop": {"max_steps": 3}, "seed": 0}""";
        JsonNode full = steps(parse(stream(steep).body())).get(1);
        JsonNode rounded = steps(parse(server.get(streamPath(steep) + "&fields=rounded", "Accept", "text/event-stream").body())).get(1);
        assertThat(full.get("loss").asDouble()).isGreaterThan(Float.MAX_VALUE);
        assertThat(rounded.get("loss").toString()).isEqualTo(full.get("loss").toString());
        assertThat(rounded.get("grad").get(0).toString()).isEqualTo(full.get("grad").get(0).toString());
        assertThat(rounded.get("lr").toString()).isEqualTo(full.get("lr").toString()).isEqualTo("1.0E-45");
        // the numbers within a float's range are rounded, as in every other step
        assertThat(rounded.get("grad").get(1).toString()).isEqualTo("2.0");
        assertThat(Float.parseFloat(rounded.get("params").get(0).toString())).isEqualTo((float) full.get("params").get(0).asDouble());
    }

    @Test
    void aNetworkTrainsAsAStreamWithinItsWorkBound() throws Exception {
        String spec = "{\"dataset\":\"circles\",\"depth\":3,\"width\":6,\"max_steps\":40,\"seed\":2}";
        HttpResponse<String> r = server.get("/api/train/stream?spec=" + URLEncoder.encode(spec, StandardCharsets.UTF_8),
                "Accept", "text/event-stream");
        assertThat(r.statusCode()).isEqualTo(200);
        List<Event> events = parse(r.body());
        assertThat(events.get(events.size() - 1).name()).isEqualTo("done");
        JsonNode first = JSON.readTree(events.get(0).data());
        assertThat(first.get("data").get("points")).hasSize(200);
        assertThat(first.get("steps").get(0).get("grad_norms")).hasSize(4);
        // the first step comes alone; the surface comes with step 10
        assertThat(first.get("steps")).hasSize(1);
        assertThat(first.has("grid")).isFalse();
        assertThat(JSON.readTree(events.get(1).data()).has("grid")).isTrue();
        assertThat(events.get(4).id()).isEqualTo("40");

        // one step too costly to interleave with other learners' work
        String wide = "{\"depth\":30,\"width\":32,\"n\":1000,\"batch_size\":1000,\"max_steps\":10}";
        HttpResponse<String> refusedStep = server.get("/api/train/stream?spec=" + URLEncoder.encode(wide, StandardCharsets.UTF_8),
                "Accept", "text/event-stream");
        assertThat(refusedStep.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refusedStep.body()).get("field").asText()).isEqualTo("batch_size");
        assertThat(JSON.readTree(refusedStep.body()).get("detail").asText()).contains("1.2e+07");
        // each step is fine, the whole training is over the per-request bound
        String huge = "{\"depth\":10,\"width\":32,\"max_steps\":3000}";
        HttpResponse<String> refused = server.get("/api/train/stream?spec=" + URLEncoder.encode(huge, StandardCharsets.UTF_8),
                "Accept", "text/event-stream");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("field").asText()).isEqualTo("max_steps");
        assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("bound per request is 1e+10");
        HttpResponse<String> unknown = server.get("/api/train/stream?spec=" + URLEncoder.encode("{\"layers\":3}", StandardCharsets.UTF_8),
                "Accept", "text/event-stream");
        assertThat(JSON.readTree(unknown.body()).get("field").asText()).isEqualTo("layers");
    }

    @Test
    void lastEventIdResumesAfterThatStep() throws Exception {
        List<JsonNode> all = steps(parse(stream(SPEC).body()));
        List<JsonNode> resumed = steps(parse(stream(SPEC, "Last-Event-ID", "49").body()));
        assertThat(resumed.get(0).get("t").asInt()).isEqualTo(50);
        assertThat(resumed).hasSize(71);
        assertThat(resumed.get(0).toString()).isEqualTo(all.get(50).toString());
        List<JsonNode> forked = steps(parse(server.get(streamPath(SPEC) + "&from=99", "Accept", "text/event-stream").body()));
        assertThat(forked.get(0).get("t").asInt()).isEqualTo(100);
    }

    @Test
    void aBadSpecIs400ProblemJsonNotAStream() throws Exception {
        HttpResponse<String> r = stream("{\"problem\": {\"name\": \"bowl\"}, \"optimizer\": {\"name\": \"sgd\", \"lr\": -1}, \"stop\": {\"max_steps\": 5}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("optimizer.lr");

        HttpResponse<String> missing = server.get("/api/runs/stream", "Accept", "text/event-stream");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("field").asText()).isEqualTo("spec");

        HttpResponse<String> tooLong = stream(SPEC.replace("\"seed\": 3", "\"seed\": 3" + " ".repeat(13_000)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).get("field").asText()).isEqualTo("spec");

        // curl's default Accept (*/*), or none at all, gets the events too
        HttpResponse<String> plain = server.get(streamPath(SPEC), "Accept", "*/*");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(parse(plain.body()).get(parse(plain.body()).size() - 1).name()).isEqualTo("done");
    }

    @Test
    void tooManyStreamsFromOneClientIs429AndDroppedConnectionsFreeTheirSlots() throws Exception {
        // a long run that slow readers never drain, so each stream stays open
        String longRun = """
                {"problem": {"name": "rosenbrock"}, "optimizer": {"name": "adam", "lr": 0.001},
                 "stop": {"max_steps": 20000}}""";
        int before = server.server().activeStreams();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < PER_CLIENT; i++) {
                slow.add(openWithoutReading(streamPath(longRun)));
            }
            awaitActive(before + PER_CLIENT);

            HttpResponse<String> refused = stream(SPEC);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("retry-after")).hasValue("1");
            assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains(String.valueOf(PER_CLIENT));
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        awaitActive(before);
        assertThat(stream(SPEC).statusCode()).isEqualTo(200);
    }

    private Socket openWithoutReading(String path) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        URI uri = URI.create(server.url(path));
        socket.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] head = new byte[12];
        int n = in.readNBytes(head, 0, head.length);
        assertThat(new String(head, 0, n, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        return socket;
    }

    private void awaitActive(int expected) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (server.server().activeStreams() != expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(server.server().activeStreams()).isEqualTo(expected);
    }
}
