package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Legal but large requests under a small heap: the server streams every answer as it is computed
 * and bounds the work in flight, so a hundred of the largest runs at once neither run it out of
 * memory nor fail. The server runs in its own JVM so that its heap really is small.
 */
class SmallHeapHttpTest {
    private static final String LARGEST = "{\"problem\":{\"name\":\"rosenbrock\"},\"optimizer\":{\"name\":\"adam\",\"lr\":0.0001},"
            + "\"stop\":{\"max_steps\":20000},\"seed\":%d}";

    @Test
    void aHundredOfTheLargestRunsAtOnceUnderAHundredMegabytesOfHeap() throws Exception {
        String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process server = new ProcessBuilder(javaBin, "-Xmx100m", "-cp", System.getProperty("java.class.path"),
                "io.downhill.Main", "serve", "--host", "127.0.0.1", "--port", "0")
                .redirectErrorStream(true).start();
        try {
            int port = awaitPort(server.getInputStream());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<InputStream>>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(240))
                        .POST(HttpRequest.BodyPublishers.ofString(String.format(LARGEST, i))).build(),
                        HttpResponse.BodyHandlers.ofInputStream()));
            }
            int serverErrors = 0;
            long smallest = Long.MAX_VALUE;
            for (CompletableFuture<HttpResponse<InputStream>> call : calls) {
                HttpResponse<InputStream> r = call.get(240, TimeUnit.SECONDS);
                long bytes;
                try (InputStream body = r.body()) {
                    bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
                }
                if (r.statusCode() >= 500) {
                    serverErrors++;
                }
                assertThat(r.statusCode()).isEqualTo(200);
                smallest = Math.min(smallest, bytes);
            }
            assertThat(serverErrors).isZero();
            // every answer complete: 20,001 steps of about 300 bytes
            assertThat(smallest).isGreaterThan(5_000_000);
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int awaitPort(InputStream out) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
        Pattern url = Pattern.compile("http://[^:]+:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
            Matcher m = url.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (lines.readLine() != null) {
                            // keep the pipe flowing so the server never blocks on its log
                        }
                    } catch (java.io.IOException ignored) {
                        // the server was stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("the server did not print its address");
    }
}
