package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only pages, our assets, the library files the pages load, and the files that lessons reference
 * are served: no spelling of a URL reaches a lesson source, a settings file, a draft, a hidden
 * part, a dotfile or any other file in the content folder or on the classpath.
 */
class ContentFilesHttpTest {

    /** Paths below the base path that must not answer with any file. */
    static List<String> forbidden() {
        return List.of(
                "/lessons/01-first.md",
                "/lessons/01-first.m%64",
                "/lessons/01-first.%6d%64",
                "/lessons/01-FIRST.MD",
                "/lessons/01-first.md.",
                "/lessons/01-first.md%20",
                "/lessons/01-first.md%00",
                "/lessons/01-first.md::$DATA",
                "/lessons/02-draft.md",
                "/lessons/02-draft.m%64",
                "/lessons/course.yml",
                "/lessons/course.y%6dl",
                "/lessons/course.y%6Dl",
                "/lessons/COURSE.YML",
                "/lessons/course.yml.",
                "/lessons/course.yml%2e",
                "/lessons/Course.yml",
                "/lessons/01-part/part.yml",
                "/lessons/01-part/part.y%6dl",
                "/lessons/01-part/03-inner.md",
                "/lessons/secret-part/04-hidden.md",
                "/lessons/secret-part/hidden.png",
                "/lessons/img/draft-only.png",
                "/lessons/img/unreferenced.png",
                "/lessons/notes.txt",
                "/lessons/.env",
                "/lessons/%2eenv",
                "/lessons/.git/config",
                "/lessons/%2egit/config",
                "/lessons/%2Egit%2Fconfig",
                "/lessons/.GIT/config",
                "/lessons/img/..%2f.git%2fconfig",
                "/lessons/img/%2e%2e/course.yml",
                "/lessons/img/%2e%2e%2fcourse.yml",
                "/lessons/img/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
                "/lessons//course.yml",
                "/lessons/img//..//course.yml",
                "/lessons/img%5c..%5ccourse.yml",
                "/lessons/img%5c..%5c.git%5cconfig",
                "/lessons/%5c.git%5cconfig",
                "/lessons/img/%252e%252e/course.yml",
                "/lessons/img/figure.png/..%2f..%2fcourse.yml",
                "/lessons/img/FIGURE.PNG",
                "/lessons/img/figure.png.",
                "/lessons/img/figure.png%20",
                "/lessons/img/figure.png::$DATA",
                "/lessons/data/points.csv%00.png",
                "/lessons/%c0%ae%c0%ae/course.yml",
                "/webjars/katex/" + Assets.KATEX + "/package.json",
                "/webjars/katex/" + Assets.KATEX + "/dist/../package.json",
                "/webjars/katex/" + Assets.KATEX + "/dist/%2e%2e/package.json",
                "/webjars/katex/" + Assets.KATEX + "/dist/katex.min.js%00",
                "/webjars/katex/" + Assets.KATEX + "/dist/katex.mjs",
                "/webjars/katex/" + Assets.KATEX + "/dist/contrib/auto-render.min.js",
                "/webjars/highlightjs/" + Assets.HIGHLIGHTJS + "/styles/github.min.css",
                "/webjars/highlightjs/" + Assets.HIGHLIGHTJS + "/highlight.js",
                "/vendor/plotly/" + Assets.PLOTLY + "/../../../downhill/content/course.yml",
                "/vendor/plotly/" + Assets.PLOTLY + "/%2e%2e/%2e%2e/content/course.yml",
                "/vendor/plotly/" + Assets.PLOTLY + "/plotly-cartesian.min.js/../plotly-gl3d.min.js",
                "/vendor/plotly/" + Assets.PLOTLY + "/README.md",
                "/vendor/",
                "/vendor/../downhill/content/course.yml",
                "/webjars/jquery/3.7.1/jquery.min.js",
                "/webjars/",
                "/webjars/../downhill/content/course.yml",
                "/webjars/%2e%2e/%2e%2e/downhill/content/course.yml",
                "/webjars/%2e%2e/%2e%2e/%2e%2e/downhill/content/course.yml",
                "/META-INF/resources/webjars/katex/" + Assets.KATEX + "/package.json",
                "/downhill/content/course.yml",
                "/static/x/../../downhill/content/course.yml",
                "/static/x/%2e%2e/%2e%2e/downhill/content/course.yml",
                "/static/x/..%2f..%2fdownhill%2fcontent%2fcourse.yml",
                "/lessons/",
                "/lessons/img/",
                "/lessons/img");
    }

    abstract static class Contract {
        private TestServer server;
        private String assetVersion;

        abstract String basePath();

        /** Dev mode serves the content folder live, drafts included. */
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

        @ParameterizedTest
        @MethodSource("io.downhill.web.ContentFilesHttpTest#forbidden")
        void noSpellingReachesAFileThatIsNotReferenced(String path) {
            if (dev() && path.equals("/lessons/img/draft-only.png")) {
                return; // a draft is published in dev mode, and so is its image
            }
            String p = path.replace("/static/x/", "/static/" + assetVersion + "/");
            RawHttp.Response r = RawHttp.get(server.server().port(), basePath() + p);
            String body = new String(r.body(), StandardCharsets.ISO_8859_1);
            assertThat(body).as(p).doesNotContain(HostileCourse.SECRET).doesNotContain("\"name\":").doesNotContain("[remote");
            assertThat(r.statusCode()).as(p).isIn(400, 404);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/lessons/img/figure.png", "/lessons/top.png", "/lessons/img/with%20space.png",
                "/lessons/img/./figure.png", "/lessons/raw/../img/figure.png"})
        void referencedImagesServeWithTheirType(String path) {
            HttpResponse<byte[]> r = server.getBytes(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(r.body()).isEqualTo(HostileCourse.PNG);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        }

        @org.junit.jupiter.api.Test
        void rawHtmlImagesAndLinkedDataFilesServe() {
            HttpResponse<String> svg = server.get("/lessons/raw/pic.svg");
            assertThat(svg.statusCode()).isEqualTo(200);
            assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
            assertThat(svg.body()).isEqualTo(HostileCourse.SVG);
            HttpResponse<String> csv = server.get("/lessons/data/points.csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.body()).isEqualTo(HostileCourse.CSV);
        }

        @org.junit.jupiter.api.Test
        void thePageLinksTheImagesAtTheUrlsThatServeThem() {
            String page = server.get("/lessons/first").body();
            assertThat(page).contains("src=\"img/figure.png\"", "src=\"raw/pic.svg\"", "href=\"data/points.csv\"");
            assertThat(page).doesNotContain(HostileCourse.SECRET);
            assertThat(server.get("/lessons/inner").statusCode()).isEqualTo(200);
            assertThat(server.get("/lessons/draft").statusCode()).isEqualTo(dev() ? 200 : 404);
            assertThat(server.get("/lessons/hidden").statusCode()).isEqualTo(404);
        }

        @ParameterizedTest
        @ValueSource(strings = {Assets.PLOTLY_CARTESIAN, Assets.PLOTLY_3D,
                "/webjars/katex/" + Assets.KATEX + "/dist/katex.min.js",
                "/webjars/katex/" + Assets.KATEX + "/dist/katex.min.css",
                "/webjars/katex/" + Assets.KATEX + "/dist/fonts/KaTeX_Main-Regular.woff2",
                "/webjars/highlightjs/" + Assets.HIGHLIGHTJS + "/highlight.min.js",
                "/static/x/css/site.css", "/static/x/js/site.js"})
        void theLibraryFilesAndAssetsThePagesLoadServe(String path) {
            HttpResponse<byte[]> r = server.getBytes(path.replace("/static/x/", "/static/" + assetVersion + "/"));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body().length).isGreaterThan(100);
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

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class UnderABasePath extends Contract {
        @Override
        String basePath() {
            return "/course";
        }
    }
}
