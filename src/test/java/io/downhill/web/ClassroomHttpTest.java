package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A whole class on one server: shared cached runs, and many learners behind one address. */
class ClassroomHttpTest {
    private static final String SPEC = "{\"problem\":{\"name\":\"rosenbrock\"},\"start\":[-1.5,2],"
            + "\"optimizer\":{\"name\":\"adam\",\"lr\":0.05},\"stop\":{\"max_steps\":500},\"seed\":4}";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aRunIsComputedOnceAndServedFromTheCacheWithTheSameBytes() {
        String spec = SPEC.replace("\"seed\":4", "\"seed\":11");
        long before = server.server().cachedRuns();
        HttpResponse<String> posted = server.post("/api/runs", spec, "Content-Type", "application/json");
        assertThat(server.server().cachedRuns()).isEqualTo(before + 1);
        HttpResponse<String> first = server.get("/api/runs?spec=" + enc(spec));
        HttpResponse<String> second = server.get("/api/runs?spec=" + enc(spec));
        assertThat(server.server().cachedRuns()).isEqualTo(before + 1);
        assertThat(first.body()).isEqualTo(posted.body()).isEqualTo(second.body());
        assertThat(first.body()).startsWith("{\"steps\":[{\"t\":0,").endsWith("\"status\":{\"reason\":\"max-steps\",\"steps\":500}}");

        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"r[0-9a-f]{32}\"");
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public").contains("max-age=");
        HttpResponse<String> revalidated = server.get("/api/runs?spec=" + enc(spec), "If-None-Match", etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        // the same spec written differently (defaults spelled out, keys reordered) is the same run
        String explicit = "{\"seed\":11,\"stop\":{\"max_steps\":500},\"optimizer\":{\"lr\":0.05,\"name\":\"adam\"},"
                + "\"start\":[-1.5,2],\"problem\":{\"name\":\"rosenbrock\"}}";
        assertThat(server.get("/api/runs?spec=" + enc(explicit)).headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void aCachedStreamIsByteForByteTheComputedOneAndResumesTheSame() {
        String spec = SPEC.replace("\"seed\":4", "\"seed\":12");
        String path = "/api/runs/stream?fields=params,loss&spec=" + enc(spec);
        HttpResponse<String> computed = server.get(path);
        HttpResponse<String> cached = server.get(path);
        assertThat(cached.body()).isEqualTo(computed.body());
        assertThat(computed.body()).startsWith("id: 49\nevent: frame\ndata: {\"steps\":[{\"t\":0,\"params\":[-1.5,2.0],");
        assertThat(computed.body()).endsWith("event: done\ndata: {\"status\":{\"reason\":\"max-steps\",\"steps\":500}}\n\n");
        // resuming mid-frame from the cache and from a fresh computation give the same events
        String fresh = "/api/runs/stream?fields=params,loss&spec=" + enc(spec.replace("\"seed\":12", "\"seed\":13"));
        HttpResponse<String> resumedFresh = server.get(fresh, "Last-Event-ID", "123");
        HttpResponse<String> resumedCached = server.get(fresh, "Last-Event-ID", "123");
        assertThat(resumedFresh.body()).startsWith("id: 173\nevent: frame\ndata: {\"steps\":[{\"t\":124,");
        assertThat(resumedCached.body()).isEqualTo(resumedFresh.body());
        assertThat(resumedFresh.headers().firstValue("ETag")).isNotEqualTo(server.get(fresh).headers().firstValue("ETag"));
    }

    @Test
    void threeHundredLearnersBehindOneAddressAllGetTheirRuns() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // every learner a different lr: nothing comes from the cache
            String spec = SPEC.replace("0.05", Double.toString(0.01 + i * 1e-5));
            all.add(client.sendAsync(HttpRequest.newBuilder(URI.create(server.url("/api/runs/stream?fields=loss&spec=" + enc(spec))))
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        for (CompletableFuture<HttpResponse<String>> f : all) {
            HttpResponse<String> r = f.join();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("event: done");
            ok++;
        }
        assertThat(ok).isEqualTo(300);
    }
}
