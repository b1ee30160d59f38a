package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What one hostile or broken client must not be able to do to the server. */
class AbuseHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = "{\"problem\":{\"name\":\"bowl\"},\"optimizer\":{\"name\":\"sgd\",\"lr\":0.1},\"stop\":{\"max_steps\":30}}";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new ServerOptions("127.0.0.1", 0, null, "", false, false).withStreamLimits(100, 24));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void otherMethodsOnStreamsAre405AndHoldNothing() throws Exception {
        int before = server.server().activeStreams();
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/api/runs/stream?spec=" + enc(SPEC), "/api/train/stream?spec=" + enc("{\"max_steps\":10}"))) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "HEAD")) {
                for (int i = 0; i < 30; i++) {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
                    assertThat(r.headers().firstValue("Allow")).hasValue("GET");
                }
            }
        }
        assertThat(server.server().activeStreams()).isEqualTo(before);
        assertThat(server.get("/api/runs/stream?spec=" + enc(SPEC), "Accept", "text/event-stream").statusCode()).isEqualTo(200);
    }

    @Test
    void everyApiAddressAnswersWrongMethodsWith405NamingTheRightOnes() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/api/search", "/api/runs", "/api/landscape", "/api/gradients", "/api/expression",
                "/api/gradient-lab", "/api/basins", "/api/rate-map", "/api/sweep", "/api/runs/pytorch", "/api/problems",
                "/api/optimizers", "/api/schedules", "/api/widgets/runs")) {
            for (String method : List.of("PUT", "DELETE", "PATCH")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(r.headers().firstValue("Allow")).hasValue(path.equals("/api/runs") ? "GET, POST" : "GET");
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(server.url("/api/landscape")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void slowBodiesHoldNoThreadAndOversizedOnesAre413() throws Exception {
        URI uri = URI.create(server.url("/api/runs"));
        List<Socket> trickling = new ArrayList<>();
        try {
            // more connections than Jetty has threads, each a few bytes into a 60,000-byte body
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                trickling.add(s);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String path : List.of("/healthz", "/lessons/what-gradient-descent-does")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
            }
            HttpResponse<String> run = server.post("/api/runs", SPEC, "Content-Type", "application/json");
            assertThat(run.statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : trickling) {
                s.close();
            }
        }
        // declared too large: refused at once, before a byte of the body is read
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(("POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void workIsBoundedByWhatARequestReallyCosts() throws Exception {
        // the 249-deep power tower with central differences, 10 rows of 60: tens of CPU-seconds before
        String tower = "x" + "^x".repeat(40);
        String spec = "{\"problem\":{\"expression\":\"" + tower + "\"},\"optimizer\":{\"name\":\"sgd\",\"lr\":0.01},"
                + "\"gradient\":{\"method\":\"central\"},\"stop\":{\"max_steps\":500}}";
        long t0 = System.nanoTime();
        HttpResponse<String> r = server.get("/api/basins?n=60&rows=0-9&spec=" + enc(spec));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("field").asText()).isEqualTo("rows");
        assertThat(problem.get("detail").asText()).contains("bound per request is 3e+09");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5.0);
        // the same map in small requests is fine
        HttpResponse<String> small = server.get("/api/basins?n=10&rows=0-0&spec=" + enc(spec.replace("500", "50")));
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(small.body()).get("rows").get(0).get("cells")).hasSize(10);
    }

    @Test
    void trainingStopsWorkingSoonAfterItsClientLeaves() throws Exception {
        String heavy = "{\"depth\":30,\"width\":16,\"batch_size\":8,\"max_steps\":300}";
        URI uri = URI.create(server.url("/api/train/stream?spec=" + enc(heavy)));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5000);
            s.getOutputStream().write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: x\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 200");
            in.readNBytes(2000);
        }
        // within a second of the socket closing, the work has stopped: the slice count stands still
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (server.server().activeStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.server().activeStreams()).isZero();
        long slices = server.server().slicesRun();
        Thread.sleep(500);
        assertThat(server.server().slicesRun()).isEqualTo(slices);
    }

    @Test
    void refusalsAreNeverCached() throws Exception {
        // a 400 from an endpoint whose answers are cacheable must not be kept by a browser or proxy
        HttpResponse<String> r = server.get("/api/landscape?problem=" + enc("{\"name\":\"bowl\"}") + "&n=100000");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> run = server.get("/api/runs?spec=" + enc(SPEC.replace("30}", "99999999}")));
        assertThat(run.statusCode()).isEqualTo(400);
        assertThat(run.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(run.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void aNullTrainingSpecIsA400() throws Exception {
        HttpResponse<String> r = server.get("/api/train/stream?spec=null", "Accept", "text/event-stream");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("spec");
    }

    @Test
    void aClientLeavingMidAnswerIsLoggedInOneLineAtMost() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String longRun = "{\"problem\":{\"name\":\"rosenbrock\"},\"optimizer\":{\"name\":\"adam\",\"lr\":0.0001},\"stop\":{\"max_steps\":20000}}";
            for (String path : List.of("/api/runs/stream?spec=" + enc(longRun), "/api/runs?spec=" + enc(longRun),
                    "/lessons/adaptive-methods")) {
                URI uri = URI.create(server.url(path));
                try (Socket s = new Socket()) {
                    s.setReceiveBufferSize(1024);
                    s.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5000);
                    s.getOutputStream().write(("GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                            + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().readNBytes(100);
                    s.setSoLinger(true, 0); // a reset, as a closed tab gives
                }
            }
            Thread.sleep(1000);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("\tat ");
    }

    @Test
    void slowReadersAndABurstRunOnAFewRequestThreads() throws Exception {
        int threads = Math.max(24, 8 * Runtime.getRuntime().availableProcessors());
        String defaultRun = "/api/runs/stream?spec=" + enc("{\"problem\":{\"name\":\"rosenbrock\"},\"optimizer\":{\"name\":\"adam\",\"lr\":0.05},\"stop\":{\"max_steps\":3000}}");
        server.get(defaultRun, "Accept", "text/event-stream");
        List<Socket> stalled = new ArrayList<>();
        try {
            // three times as many readers as there are threads, each taking a large answer and reading none of it
            List<String> large = List.of("/vendor/plotly/3.7.0/plotly-gl3d.min.js", "/lessons/adaptive-methods", defaultRun);
            for (int i = 0; i < 3 * threads; i++) {
                URI uri = URI.create(server.url(large.get(i % large.size())));
                Socket s = new Socket();
                s.setReceiveBufferSize(1024);
                s.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5000);
                s.getOutputStream().write(("GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + " HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream, */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                stalled.add(s);
            }
            // then a class opening a lesson at once: its page and its scripts
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> burst = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String path = i % 2 == 0 ? "/lessons/what-gradient-descent-does" : "/vendor/plotly/3.7.0/plotly-cartesian.min.js";
                burst.add(client.sendAsync(HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
            for (String path : List.of("/healthz", "/lessons/what-gradient-descent-does")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
            }
            assertThat(burst.stream().map(java.util.concurrent.CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(200);
            long requestThreads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("requests-")).count();
            assertThat(requestThreads).isBetween(1L, (long) threads);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void clientsLeavingJustAsTheirAnswersEndLeaveTheServerQuiet() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // short runs, each new, left after a few bytes to a few frames: some leave as the answer ends
            for (int i = 0; i < 120; i++) {
                String spec = "{\"problem\":{\"name\":\"bowl\"},\"optimizer\":{\"name\":\"sgd\",\"lr\":0." + (100 + i)
                        + "},\"stop\":{\"max_steps\":" + (5 + i % 30) + "}}";
                URI uri = URI.create(server.url("/api/runs/stream?spec=" + enc(spec)));
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5000);
                    s.getOutputStream().write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery()
                            + " HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    // fewer bytes than the shortest answer (its headers alone are longer), so no read waits
                    s.setSoTimeout(2000);
                    s.getInputStream().readNBytes(1 + (i * 37) % 900);
                    s.setSoLinger(true, 0);
                }
            }
            Thread.sleep(1000);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("threw an error").doesNotContain("Uncaught exception");
        assertThat(log.length()).isLessThan(20_000);
        assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }
}
