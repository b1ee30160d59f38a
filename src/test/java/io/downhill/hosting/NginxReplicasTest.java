package io.downhill.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's hosting setup, run for real: two replicas (separate JVMs) behind Debian's nginx
 * started with the README's own nginx block, under {@code /course/}. Skipped when nginx is not
 * installed, except under {@code CI=true}, where it must run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxReplicasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    /** A widget's default run: the same request from every learner who opens the lesson. */
    private static final String DEFAULT_RUN = """
            {"problem": {"name": "rosenbrock"}, "start": [-1.5, 2],
             "optimizer": {"name": "adam", "lr": 0.05}, "stop": {"max_steps": 200}, "seed": 7}""";
    /** Long enough that the first replica is still streaming when it is killed. */
    private static final String LONG_RUN = """
            {"problem": {"name": "rosenbrock"}, "start": [-1.5, 2],
             "optimizer": {"name": "momentum", "lr": 0.0005}, "stop": {"max_steps": 5000}, "seed": 11}""";

    private Path work;
    private ReplicaProcess first;
    private ReplicaProcess second;
    private Process nginx;
    private int port;
    private Thread cleanupOnExit;

    @BeforeAll
    void start() throws Exception {
        Path executable = ReadmeNginx.executable();
        if (executable == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but nginx is not installed (apt-get install nginx)");
            }
            Assumptions.abort("nginx is not installed");
        }
        work = Files.createTempDirectory("downhill-nginx");
        // nginx started as root runs its workers as an unprivileged user, which must reach the folder
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        cleanupOnExit = new Thread(this::stopAll);
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);

        first = ReplicaProcess.start(work, "replica-1", STARTUP);
        second = ReplicaProcess.start(work, "replica-2", STARTUP);
        port = freePort();
        String config = ReadmeNginx.config(ReadmeNginx.block(Path.of("README.md")),
                first.port(), second.port(), port, work);
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, config);
        nginx = new ProcessBuilder(executable.toString(), "-p", work + "/", "-e", work.resolve("error.log").toString(),
                "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        waitForNginx();
    }

    @AfterAll
    void stop() {
        stopAll();
        if (cleanupOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs stopAll itself
            }
        }
        deleteTree(work);
    }

    private synchronized void stopAll() {
        if (nginx != null) {
            nginx.destroy(); // TERM: the master stops its workers
            try {
                if (!nginx.waitFor(15, TimeUnit.SECONDS)) {
                    nginx.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            nginx = null;
        }
        for (ReplicaProcess replica : new ReplicaProcess[] {first, second}) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    @Test
    @Order(1)
    void pagesAndAssetsAreServedUnderTheBasePathByBothReplicas() throws Exception {
        HttpResponse<String> bare = get("/course");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location").orElse("")).endsWith("/course/");

        HttpResponse<String> index = get("/course/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("href=\"/course/lessons/adaptive-methods\"");

        Set<String> replicas = new HashSet<>();
        String lesson = null;
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> page = get("/course/lessons/adaptive-methods");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            replicas.add(page.headers().firstValue("X-Downhill-Replica").orElse("?"));
            lesson = page.body();
        }
        assertThat(replicas).as("round robin over the upstream")
                .containsExactlyInAnyOrder(Integer.toString(first.port()), Integer.toString(second.port()));

        Matcher css = Pattern.compile("href=\"(/course/static/[^\"]+\\.css)\"").matcher(lesson);
        assertThat(css.find()).as("a stylesheet under /course/static/ in the lesson").isTrue();
        HttpResponse<String> asset = get(css.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");

        Matcher script = Pattern.compile("src=\"(/course/(?:static|webjars)/[^\"]+\\.js)\"").matcher(lesson);
        assertThat(script.find()).as("a script under /course/ in the lesson").isTrue();
        assertThat(get(script.group(1)).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theServerSeesTheAddressNginxSawNotWhatTheClientClaims() throws Exception {
        // the learner connects from 127.0.0.2, nginx from 127.0.0.1: the two are told apart
        List<String> fromSecondAddress = rawGet("127.0.0.2", "/course/healthz",
                "X-Forwarded-For: 203.0.113.7, 198.51.100.9");
        assertThat(fromSecondAddress.get(0)).startsWith("HTTP/1.1 200");
        assertThat(header(fromSecondAddress, "X-Downhill-Client")).isEqualTo("127.0.0.2");

        List<String> fromFirstAddress = rawGet("127.0.0.1", "/course/healthz", "X-Forwarded-For: 203.0.113.7");
        assertThat(header(fromFirstAddress, "X-Downhill-Client")).isEqualTo("127.0.0.1");
    }

    @Test
    @Order(3)
    void aRepeatedDefaultRunIsServedFromNginxsCache() throws Exception {
        String path = "/course/api/runs?spec=" + URLEncoder.encode(DEFAULT_RUN, StandardCharsets.UTF_8);
        HttpResponse<String> miss = get(path);
        assertThat(miss.statusCode()).as(miss.body()).isEqualTo(200);
        assertThat(miss.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(miss.headers().firstValue("X-Cache-Status")).hasValue("MISS");
        assertThat(miss.headers().firstValue("ETag").orElse("")).startsWith("\"");
        assertThat(miss.headers().firstValue("Cache-Control").orElse("")).contains("public").contains("max-age=");
        JsonNode run = JSON.readTree(miss.body());
        assertThat(run.get("steps")).hasSize(201);

        HttpResponse<String> hit = get(path);
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.headers().firstValue("X-Cache-Status")).hasValue("HIT");
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(hit.headers().firstValue("ETag")).isEqualTo(miss.headers().firstValue("ETag"));

        long seen = first.requestsFor("GET", "/course/api/runs?spec=") + second.requestsFor("GET", "/course/api/runs?spec=");
        assertThat(seen).as("requests for the run that reached a replica").isEqualTo(1);
    }

    @Test
    @Order(4)
    void aStreamCutByADeadReplicaResumesOnTheOtherWithEveryStepOnce() throws Exception {
        String path = "/course/api/runs/stream?spec=" + URLEncoder.encode(LONG_RUN, StandardCharsets.UTF_8);
        List<JsonNode> received = new ArrayList<>();
        String lastId;
        ReplicaProcess victim;
        ReplicaProcess survivor;
        HttpResponse<InputStream> opened = CLIENT.send(request(path).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = opened.body()) {
            assertThat(opened.statusCode()).isEqualTo(200);
            String served = opened.headers().firstValue("X-Downhill-Replica").orElseThrow();
            victim = served.equals(Integer.toString(first.port())) ? first : second;
            survivor = victim == first ? second : first;
            List<Event> events = readEvents(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)), 3);
            assertThat(events).extracting(Event::name).containsOnly("frame");
            for (Event e : events) {
                JSON.readTree(e.data()).get("steps").forEach(received::add);
            }
            lastId = events.get(events.size() - 1).id();
            victim.kill();
        }
        assertThat(received).isNotEmpty();
        assertThat(lastId).isEqualTo(received.get(received.size() - 1).get("t").asText());

        HttpResponse<String> resumed = CLIENT.send(request(path).header("Accept", "text/event-stream")
                .header("Last-Event-ID", lastId).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.headers().firstValue("X-Downhill-Replica")).hasValue(Integer.toString(survivor.port()));
        List<Event> rest = parse(resumed.body());
        assertThat(rest.get(rest.size() - 1).name()).isEqualTo("done");
        List<JsonNode> all = new ArrayList<>(received);
        all.addAll(steps(rest));

        HttpResponse<String> direct = CLIENT.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + survivor.port() + path)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<Event> whole = parse(direct.body());
        List<JsonNode> expected = steps(whole);

        List<Integer> ts = all.stream().map(s -> s.get("t").asInt()).toList();
        List<Integer> zeroToN = Stream.iterate(0, t -> t + 1).limit(expected.size()).toList();
        assertThat(ts).as("steps 0..N, each once").isEqualTo(zeroToN);
        assertThat(all).as("the same steps as one uninterrupted run").isEqualTo(expected);
        assertThat(rest.get(rest.size() - 1).data()).isEqualTo(whole.get(whole.size() - 1).data());
        assertThat(expected.size()).as("the run is long enough to be cut").isGreaterThan(received.size());
    }

    record Event(String name, String id, String data) {}

    /** Reads whole events until {@code frames} frame events have arrived. */
    private static List<Event> readEvents(BufferedReader reader, int frames) throws IOException {
        List<Event> events = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        String line;
        while (events.size() < frames && (line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                events.addAll(parse(block.toString()));
                block.setLength(0);
            } else {
                block.append(line).append('\n');
            }
        }
        return events;
    }

    private static List<Event> parse(String body) {
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

    private static List<JsonNode> steps(List<Event> events) throws IOException {
        List<JsonNode> steps = new ArrayList<>();
        for (Event e : events) {
            if (e.name().equals("frame")) {
                JSON.readTree(e.data()).get("steps").forEach(steps::add);
            }
        }
        return steps;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).GET();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET from a chosen local address (HttpClient cannot bind one), returning status line and headers. */
    private List<String> rawGet(String fromAddress, String path, String extraHeader) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + extraHeader
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n\r\n")).lines().toList();
        }
    }

    private static String header(List<String> head, String name) {
        return head.stream().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }

    private void waitForNginx() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited with " + nginx.exitValue() + ":\n" + nginxLogs());
            }
            try {
                if (get("/course/healthz").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("nginx did not answer on port " + port + ":\n" + nginxLogs());
    }

    private String nginxLogs() throws IOException {
        Path out = work.resolve("nginx.out");
        Path err = work.resolve("error.log");
        return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(err) ? Files.readString(err) : "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
