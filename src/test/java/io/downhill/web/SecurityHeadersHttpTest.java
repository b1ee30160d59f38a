package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security headers on every kind of response: pages, assets, the API, not-found pages, and
 * the error pages that Jetty writes itself before a request reaches the application.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersHttpTest {
    private TestServer server;
    private TestServer hostile;
    private String assetVersion;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        server = TestServer.start("/course");
        hostile = TestServer.start(new ServerOptions("127.0.0.1", 0, HostileCourse.write(root), "", false, false));
        Matcher m = Pattern.compile("/static/([0-9a-f]+)/").matcher(server.get("/").body());
        assertThat(m.find()).isTrue();
        assetVersion = m.group(1);
    }

    @AfterAll
    void stop() {
        server.close();
        hostile.close();
    }

    private static void assertSecure(String what, Map<String, List<String>> headers) {
        assertThat(headers.get("content-security-policy")).as(what + " CSP").containsExactly(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(headers.get("referrer-policy")).as(what).containsExactly("strict-origin-when-cross-origin");
        assertThat(headers.get("x-content-type-options")).as(what).containsExactly("nosniff");
    }

    private static void assertSecure(String what, RawHttp.Response r) {
        assertThat(r.header("Content-Security-Policy")).as(what + " CSP").hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(r.header("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
        assertThat(r.header("X-Content-Type-Options")).as(what).hasValue("nosniff");
    }

    @Test
    void thePolicyIsStrict() {
        String csp = SecurityHeaders.CONTENT_SECURITY_POLICY;
        assertThat(csp).contains("script-src 'self' 'sha256-", "object-src 'none'", "base-uri 'self'",
                "form-action 'self'", "frame-ancestors 'none'");
        String scripts = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
        assertThat(scripts).doesNotContain("unsafe-inline", "unsafe-eval", "*", "data:", "http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lessons/the-learning-rate", "/lessons/authoring-guide", "/search?q=momentum",
            "/print", "/api/problems", "/api/search?q=adam", "/healthz", "/lessons/no-such-lesson", "/api/nothing",
            "/api/runs/stream?spec=null", "/api/search?q=" + "x"})
    void everyApplicationResponse(String path) {
        HttpResponse<String> r = server.get(path);
        assertSecure(path + " (" + r.statusCode() + ")", r.headers().map());
    }

    @Test
    void assetsAndLibraries() {
        for (String path : List.of("/static/" + assetVersion + "/css/site.css", "/static/" + assetVersion + "/js/site.js",
                "/webjars/katex/" + Assets.KATEX + "/dist/katex.min.js", "/static/" + assetVersion + "/missing.css",
                "/webjars/katex/" + Assets.KATEX + "/package.json")) {
            HttpResponse<byte[]> r = server.getBytes(path, "Accept-Encoding", "gzip");
            assertSecure(path + " (" + r.statusCode() + ")", r.headers().map());
        }
    }

    @Test
    void contentFilesGetASandboxThatAllowsNothing() {
        RawHttp.Response r = RawHttp.get(hostile.server().port(), "/lessons/raw/pic.svg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_FILE_POLICY);
        assertThat(SecurityHeaders.CONTENT_FILE_POLICY).contains("default-src 'none'", "sandbox").doesNotContain("script");
        assertThat(r.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.header("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @Test
    void methodsTheServerDoesNotAnswer() {
        for (String method : List.of("DELETE", "PUT", "PATCH", "TRACE", "OPTIONS", "BREW")) {
            RawHttp.Response r = RawHttp.send(server.server().port(),
                    method + " /course/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(r.statusCode()).as(method).isGreaterThanOrEqualTo(400);
            assertSecure(method + " (" + r.statusCode() + ")", r);
        }
    }

    @Test
    void jettysOwnErrorPages() {
        int port = server.server().port();
        List<String> requests = new ArrayList<>(List.of(
                "GET /course/lessons/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "GET /course/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "GET /course/a%2fb HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "GET /course/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(40 * 1024) + "\r\nConnection: close\r\n\r\n",
                "GET /course/ HTTP/1.1\r\nConnection: close\r\n\r\n",
                "GET /course/ HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.2\r\nConnection: close\r\n\r\n",
                "GET /course/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\nConnection: close\r\n\r\n",
                "GET\t/course/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "GET /course/ HTTP/9.9\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        List<Integer> statuses = new ArrayList<>();
        for (String request : requests) {
            RawHttp.Response r = RawHttp.send(port, request);
            statuses.add(r.statusCode());
            assertSecure(request.substring(0, Math.min(60, request.length())).replace("\r\n", " ") + " (" + r.statusCode() + ")", r);
        }
        assertThat(statuses).contains(400, 431);
    }

    /** The only inline script is the theme script, allowed by hash; no page carries an inline handler. */
    @Test
    void pagesHaveNoInlineScriptBeyondTheHashedOne() {
        for (String path : List.of("/", "/lessons/the-learning-rate", "/lessons/authoring-guide",
                "/lessons/gradients-in-deep-networks", "/search?q=adam", "/print", "/lessons/missing")) {
            Document doc = Jsoup.parse(server.get(path).body());
            for (Element script : doc.select("script:not([src])")) {
                String hash = "'sha256-" + ThemeScript.sha256(script.data()) + "'";
                assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).as(path).contains(hash);
            }
            for (Element e : doc.getAllElements()) {
                e.attributes().forEach(a -> {
                    assertThat(a.getKey()).as(path + " " + e.tagName()).doesNotStartWith("on");
                    assertThat(a.getValue().strip().toLowerCase()).as(path).doesNotStartWith("javascript:");
                });
            }
            assertThat(doc.select("style, [style]")).as(path).isEmpty();
        }
    }
}
