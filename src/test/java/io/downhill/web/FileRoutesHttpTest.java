package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route that answers with a file only reads: POST, PUT, DELETE and PATCH get a 405 naming
 * GET and HEAD, the file is still served the same afterwards, and HEAD and GET answer as before.
 */
class FileRoutesHttpTest {

    abstract static class Contract {
        private TestServer server;
        private String assetVersion;

        abstract String basePath();

        boolean dev() {
            return false;
        }

        @BeforeAll
        void start(@TempDir Path root) throws Exception {
            server = TestServer.start(new ServerOptions("127.0.0.1", 0, HostileCourse.write(root), basePath(), dev(), false));
            Matcher m = Pattern.compile("/static/([0-9a-f]+|dev)/css/site\\.css").matcher(server.get("/").body());
            assertThat(m.find()).isTrue();
            assetVersion = m.group(1);
        }

        @AfterAll
        void stop() {
            server.close();
        }

        private HttpResponse<String> send(String method, String path) {
            return TestServer.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .method(method, method.equals("GET") || method.equals("HEAD") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("x=1")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/static/x/css/site.css", "/static/x/js/site.js", Assets.PLOTLY_CARTESIAN,
                "/webjars/katex/" + Assets.KATEX + "/dist/katex.min.css",
                "/webjars/highlightjs/" + Assets.HIGHLIGHTJS + "/highlight.min.js",
                "/lessons/img/figure.png", "/lessons/data/points.csv"})
        void onlyGetAndHeadAreAnswered(String file) {
            String path = file.replace("/static/x/", "/static/" + assetVersion + "/");
            HttpResponse<byte[]> before = server.getBytes(path);
            assertThat(before.statusCode()).as("GET " + path).isEqualTo(200);
            assertThat(before.body().length).as("GET " + path).isGreaterThan(0);
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                HttpResponse<String> r = send(method, path);
                assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(r.headers().firstValue("Allow")).as(method + " " + path).hasValue("GET, HEAD");
                assertThat(r.body()).as(method + " " + path)
                        .isEqualTo(method + " is not allowed here; this address answers GET, HEAD\n");
                assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
            HttpResponse<String> head = send("HEAD", path);
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            HttpResponse<byte[]> after = server.getBytes(path);
            assertThat(after.statusCode()).as("GET " + path + " again").isEqualTo(200);
            assertThat(after.body()).as("GET " + path + " again").isEqualTo(before.body());
        }

        @ParameterizedTest
        @ValueSource(strings = {"/static/x/css/nothing.css", "/vendor/plotly/none.js", "/webjars/none/1/x.js",
                "/lessons/img/unreferenced.png", "/lessons/first"})
        void aWriteToAnAddressWithoutAFileIsRefusedTheSameWay(String file) {
            String path = file.replace("/static/x/", "/static/" + assetVersion + "/");
            for (String method : List.of("POST", "PUT", "DELETE")) {
                HttpResponse<String> r = send(method, path);
                assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(r.headers().firstValue("Allow")).as(method + " " + path).hasValue("GET, HEAD");
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AtTheRoot extends Contract {
        @Override
        String basePath() {
            return "";
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class InDevModeUnderABasePath extends Contract {
        @Override
        String basePath() {
            return "/course";
        }

        @Override
        boolean dev() {
            return true;
        }
    }
}
