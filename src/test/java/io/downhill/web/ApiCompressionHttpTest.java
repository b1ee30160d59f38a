package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs, landscapes and run streams travel gzip-compressed to clients that ask, byte for byte the same. */
class ApiCompressionHttpTest {
    private static final String SPEC = URLEncoder.encode("""
            {"problem": {"name": "rosenbrock"}, "start": [-1.5, 2], "optimizer": {"name": "adam", "lr": 0.05},
             "stop": {"max_steps": 500}}""", StandardCharsets.UTF_8);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("/course");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRunIsCompressedAndStillAnswersNotModified() throws IOException {
        String path = "/api/runs?fields=params,loss&spec=" + SPEC;
        HttpResponse<byte[]> plain = server.getBytes(path);
        HttpResponse<byte[]> zipped = server.getBytes(path, "Accept-Encoding", "gzip");
        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("vary")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("accept-encoding"));
        assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
        assertThat(gunzip(zipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        String etag = zipped.headers().firstValue("etag").orElseThrow();
        assertThat(etag).isNotEqualTo(plain.headers().firstValue("etag").orElseThrow());
        HttpResponse<byte[]> again = server.getBytes(path, "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void streamsAndLandscapesAreCompressedToo() throws IOException {
        HttpResponse<byte[]> stream = server.getBytes("/api/runs/stream?spec=" + SPEC,
                "Accept", "text/event-stream", "Accept-Encoding", "gzip");
        assertThat(stream.headers().firstValue("content-encoding")).hasValue("gzip");
        String events = gunzip(stream.body());
        assertThat(events).startsWith("id: ").contains("event: frame").contains("event: done");
        HttpResponse<byte[]> land = server.getBytes("/api/landscape?problem=%7B%22name%22%3A%22bowl%22%7D&n=80",
                "Accept-Encoding", "gzip");
        assertThat(land.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gunzip(land.body())).startsWith("{");
    }

    @Test
    void pagesKeepTheirOwnPrecompressedBytes() {
        HttpResponse<byte[]> page = server.getBytes("/lessons/what-gradient-descent-does", "Accept-Encoding", "gzip");
        assertThat(page.headers().allValues("content-encoding")).containsExactly("gzip");
    }
}
