package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run asked for again is answered whole from a ready response: the same bytes as the computed
 * one, gzipped for clients that take it (with its own validator), found under any spelling of the
 * spec, and timed by the server in {@code Server-Timing}.
 */
class ReadyRunsHttpTest {
    private static final String SPEC = "{\"problem\":{\"name\":\"rosenbrock\"},\"start\":[-1.5,2],"
            + "\"optimizer\":{\"name\":\"adam\",\"lr\":0.05},\"stop\":{\"max_steps\":500},\"seed\":%d}";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String spec(int seed) {
        return String.format(SPEC, seed);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String timing(HttpResponse<?> r) {
        return r.headers().firstValue("Server-Timing").orElse("");
    }

    @Test
    void theSecondRequestIsAnsweredWholeWithTheComputedBytes() {
        String path = "/api/runs?fields=params,loss,grad&spec=" + enc(spec(21));
        HttpResponse<String> computed = server.get(path);
        assertThat(timing(computed)).doesNotContain("ready");
        HttpResponse<String> again = server.get(path);
        HttpResponse<String> third = server.get(path);
        assertThat(again.body()).isEqualTo(computed.body());
        assertThat(third.body()).isEqualTo(computed.body());
        assertThat(timing(third)).matches("cache;desc=\"ready\";dur=\\d+\\.\\d{3}");
        assertThat(third.headers().firstValue("Content-Length")).hasValue(String.valueOf(computed.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(third.headers().firstValue("ETag")).isEqualTo(computed.headers().firstValue("ETag"));
        assertThat(third.headers().firstValue("Cache-Control")).isEqualTo(computed.headers().firstValue("Cache-Control"));
        assertThat(third.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    }

    @Test
    void gzipGoesToClientsThatTakeItUnderItsOwnValidator() throws IOException {
        String path = "/api/runs?spec=" + enc(spec(22));
        HttpResponse<String> computed = server.get(path);
        String etag = computed.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> zipped = server.getBytes(path, "Accept-Encoding", "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(zipped.body())).isEqualTo(computed.body());
        assertThat(zipped.body().length).isLessThan(computed.body().length() / 2);
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(zippedTag).isEqualTo(etag.substring(0, etag.length() - 1) + "-gz\"");
        assertThat(server.get(path, "Accept-Encoding", "gzip", "If-None-Match", zippedTag).statusCode()).isEqualTo(304);
        assertThat(server.get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        // a validator of the other encoding is not a match
        assertThat(server.get(path, "If-None-Match", zippedTag).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherSpellingOfTheSameRunFindsTheReadyResponse() {
        server.get("/api/runs?spec=" + enc(spec(23)));
        String respelled = "{ \"seed\": 23, \"stop\": {\"max_steps\": 500}, \"optimizer\": {\"lr\": 0.05, \"name\": \"adam\"},"
                + " \"start\": [-1.5, 2.0], \"problem\": {\"name\": \"rosenbrock\"} }";
        HttpResponse<String> other = server.get("/api/runs?spec=" + enc(respelled));
        assertThat(timing(other)).contains("ready");
        assertThat(other.body()).isEqualTo(server.get("/api/runs?spec=" + enc(spec(23))).body());
    }

    @Test
    void streamsAndPostsAreReadyTooWithTheSameBytes() {
        String stream = "/api/runs/stream?fields=params,loss&spec=" + enc(spec(24));
        HttpResponse<String> computed = server.get(stream, "Accept", "text/event-stream");
        HttpResponse<String> ready = server.get(stream, "Accept", "text/event-stream");
        assertThat(timing(ready)).contains("ready");
        assertThat(ready.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(ready.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        assertThat(ready.body()).isEqualTo(computed.body()).endsWith("event: done\ndata: {\"status\":{\"reason\":\"max-steps\",\"steps\":500}}\n\n");
        // a resumed stream is cut from the run, not from the whole response
        HttpResponse<String> resumed = server.get(stream, "Last-Event-ID", "449");
        assertThat(timing(resumed)).doesNotContain("ready");
        assertThat(resumed.body()).startsWith("id: 499\nevent: frame\ndata: {\"steps\":[{\"t\":450,");

        HttpResponse<String> posted = server.post("/api/runs", spec(25), "Content-Type", "application/json");
        HttpResponse<String> postedAgain = server.post("/api/runs", spec(25), "Content-Type", "application/json");
        assertThat(timing(postedAgain)).contains("ready");
        assertThat(postedAgain.body()).isEqualTo(posted.body());
        assertThat(postedAgain.headers().firstValue("ETag")).isEmpty();
        assertThat(postedAgain.headers().firstValue("Cache-Control")).isEmpty();
    }

    @Test
    void aClassAskingForTheSameRunAtOnceHasItComputedOnce() throws Exception {
        String spec = spec(27).replace("\"max_steps\":500", "\"max_steps\":3000");
        long before = server.server().runsComputed();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String path = i % 2 == 0 ? "/api/runs/stream?fields=params,loss&spec=" : "/api/runs?fields=params,loss&spec=";
            all.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path + enc(spec)))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        java.util.Set<String> bodies = new java.util.HashSet<>();
        for (var f : all) {
            HttpResponse<String> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            bodies.add(r.body());
        }
        // one stream body and one JSON body, each complete, from one computation
        assertThat(bodies).hasSize(2);
        assertThat(bodies).allMatch(b -> b.contains("\"steps\":3000}"));
        assertThat(server.server().runsComputed() - before).isEqualTo(1);
    }

    @Test
    void withoutARunCacheEveryRequestIsComputed() {
        try (TestServer uncached = TestServer.start(new ServerOptions("127.0.0.1", 0, null, "", false, false).withRunCacheMb(0))) {
            String path = "/api/runs?spec=" + enc(spec(26));
            HttpResponse<String> first = uncached.get(path);
            HttpResponse<String> second = uncached.get(path);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(timing(second)).doesNotContain("ready");
        }
    }
}
