package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled course over real HTTP; run at the root and again under a base path. */
abstract class PagesHttpContract {
    private TestServer server;
    private String base;

    abstract String basePath();

    @BeforeAll
    void start() {
        base = basePath();
        server = TestServer.start(base);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void indexListsLessonsInOrderWithLinksUnderTheBasePath() {
        HttpResponse<String> r = server.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        String html = r.body();
        assertThat(html).contains("<h1>Downhill</h1>").contains("Foundations");
        int first = html.indexOf("class=\"lesson-card-title\">What gradient descent does");
        int second = html.indexOf("class=\"lesson-card-title\">The learning rate");
        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);
        assertThat(html).contains("href=\"" + base + "/lessons/what-gradient-descent-does\"");
        assertThat(html).contains("href=\"" + base + "/static/");
    }

    @Test
    void lessonPageHasTitleContentsPagerAndCurrentMarker() {
        HttpResponse<String> r = server.get("/lessons/the-learning-rate");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("<title>The learning rate · Downhill</title>")
                .contains("<h1>The learning rate</h1>")
                .contains("min read");
        assertThat(html).contains("class=\"toc\"").contains("href=\"#one-number-three-behaviours\"");
        assertThat(html).contains("rel=\"prev\" href=\"" + base + "/lessons/what-gradient-descent-does\"");
        assertThat(html).contains("rel=\"next\" href=\"" + base + "/lessons/where-gradients-come-from\"");
        String last = server.get("/lessons/authoring-guide").body();
        assertThat(last).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(html).containsPattern("href=\"" + Pattern.quote(base) + "/lessons/the-learning-rate\"\\s+aria-current=\"page\"");
        assertThat(html).contains("<span class=\"math-inline\">");
        assertThat(html).contains(base + "/webjars/katex/" + Assets.KATEX + "/dist/katex.min.js");
    }

    @Test
    void unknownLessonIsAStyledHtml404() {
        HttpResponse<String> r = server.get("/lessons/no-such-lesson");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("Page not found").contains("class=\"site-header\"")
                .contains("href=\"" + base + "/\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/lessons/..%2F..%2Fpom.xml",
        "/lessons/..%2F..%2F..%2Fpom.xml",
        "/lessons/%2e%2e/%2e%2e/pom.xml",
        "/lessons/..%5C..%5Cpom.xml",
        "/lessons/01-foundations/01-what-gradient-descent-does.md",
        "/lessons/course.yml",
        "/static/x/../../../pom.xml",
        "/webjars/..%2F..%2F..%2Fpom.xml",
        "/lessons/%2e%2e%2f%2e%2e%2f%2e%2e%2fpom.xml",
    })
    void nothingOutsideTheCourseIsEverServed(String path) {
        HttpResponse<String> r = server.getRaw(base + path);
        assertThat(r.statusCode()).isIn(400, 404);
        assertThat(r.body()).doesNotContain("<modelVersion>").doesNotContain("title: The learning rate");
    }

    @Test
    void ownAssetsAreCompressedAndCachedForAYear() {
        String html = server.get("/").body();
        Matcher m = Pattern.compile("href=\"" + Pattern.quote(base) + "(/static/[^\"]+/css/site\\.css)\"").matcher(html);
        assertThat(m.find()).isTrue();
        HttpResponse<byte[]> css = server.getBytes(m.group(1), "Accept-Encoding", "gzip");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(css.headers().firstValue("cache-control")).hasValue(Assets.IMMUTABLE);
        assertThat(css.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
    }

    @Test
    void vendoredPlotlyIsMinifiedCompressedAndImmutable() {
        String lesson = server.get("/lessons/what-gradient-descent-does").body();
        // the page names the bundle; a widget loads it as it comes near the screen
        assertThat(lesson).contains("data-plotly=\"" + base + Assets.PLOTLY_CARTESIAN + "\"")
                .doesNotContain("src=\"" + base + Assets.PLOTLY_CARTESIAN + "\"")
                .contains("data-plotly3d=\"" + base + Assets.PLOTLY_3D + "\"")
                .doesNotContain("plotly.js-dist");
        for (String path : List.of(Assets.PLOTLY_CARTESIAN, Assets.PLOTLY_3D)) {
            HttpResponse<byte[]> js = server.getBytes(path, "Accept-Encoding", "gzip");
            assertThat(js.statusCode()).as(path).isEqualTo(200);
            assertThat(js.headers().firstValue("content-encoding")).as(path).hasValue("gzip");
            assertThat(js.headers().firstValue("cache-control")).as(path).hasValue(Assets.IMMUTABLE);
            assertThat(js.headers().firstValue("content-type")).as(path).hasValueSatisfying(v -> assertThat(v).contains("javascript"));
            assertThat(js.body().length).as(path + " gzip bytes").isBetween(300_000, 600_000);
        }
    }

    @Test
    void libraryAssetsComeFromWebJarsCompressedAndImmutable() {
        HttpResponse<byte[]> js = server.getBytes("/webjars/katex/" + Assets.KATEX + "/dist/katex.min.js",
                "Accept-Encoding", "gzip");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(js.headers().firstValue("cache-control")).hasValue(Assets.IMMUTABLE);
        HttpResponse<byte[]> hl = server.getBytes("/webjars/highlightjs/" + Assets.HIGHLIGHTJS + "/highlight.min.js");
        assertThat(hl.statusCode()).isEqualTo(200);
    }

    @Test
    void pagesAreCompressedAndRevalidatedWithAnEtag() {
        HttpResponse<byte[]> page = server.getBytes("/lessons/what-gradient-descent-does", "Accept-Encoding", "gzip");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");
        String etag = page.headers().firstValue("etag").orElseThrow();
        HttpResponse<byte[]> again = server.getBytes("/lessons/what-gradient-descent-does",
                "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void pagesGoOutInOnePieceWithTheirLength() throws Exception {
        String lesson = "/lessons/adaptive-methods";
        HttpResponse<byte[]> zipped = server.getBytes(lesson, "Accept-Encoding", "gzip");
        HttpResponse<byte[]> plain = server.getBytes(lesson);
        for (HttpResponse<byte[]> page : java.util.List.of(zipped, plain)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.headers().firstValue("transfer-encoding")).isEmpty();
            assertThat(page.headers().firstValueAsLong("content-length")).hasValue(page.body().length);
            assertThat(page.headers().firstValue("vary")).hasValue("Accept-Encoding");
        }
        assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        HttpResponse<byte[]> unchanged = server.getBytes(lesson, "Accept-Encoding", "gzip",
                "If-None-Match", zipped.headers().firstValue("etag").orElseThrow());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.headers().firstValue("transfer-encoding")).isEmpty();
        assertThat(unchanged.headers().firstValueAsLong("content-length")).hasValue(0);
        assertThat(unchanged.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(unchanged.body()).isEmpty();
    }

    /**
     * A page's first request renders it; later ones are answered from memory before the router.
     * Both must be the same answer: body, length, encoding, ETag, caching and security headers.
     */
    @Test
    void aPageAskedAgainIsTheSameAnswerAsItsFirst() {
        try (TestServer fresh = TestServer.start(base)) {
            for (String path : List.of("/", "/lessons/momentum-and-nesterov", "/print")) {
                for (String encoding : List.of("gzip", "identity")) {
                    HttpResponse<byte[]> first = fresh.getBytes(path, "Accept-Encoding", encoding);
                    HttpResponse<byte[]> again = fresh.getBytes(path, "Accept-Encoding", encoding);
                    assertThat(first.statusCode()).as(path).isEqualTo(200);
                    assertThat(again.statusCode()).as(path).isEqualTo(200);
                    assertThat(again.body()).as(path).isEqualTo(first.body());
                    assertThat(headersOf(again)).as(path + " " + encoding).isEqualTo(headersOf(first))
                            .containsKeys("content-security-policy", "x-content-type-options", "referrer-policy", "etag", "content-length");
                }
            }
            String page = fresh.url("/lessons/momentum-and-nesterov");
            HttpResponse<String> head = TestServer.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(page))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("content-security-policy")).isPresent();
            HttpResponse<String> post = fresh.post("/lessons/momentum-and-nesterov", "x");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        }
    }

    /** Header names and values, without the date and with the content type's spacing normalised. */
    private static java.util.Map<String, List<String>> headersOf(HttpResponse<?> r) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(r.headers().map());
        headers.remove("date");
        headers.computeIfPresent("content-type", (k, v) -> v.stream().map(t -> t.replace("; ", ";")).toList());
        return headers;
    }

    TestServer serverRoot() {
        return server;
    }
}
