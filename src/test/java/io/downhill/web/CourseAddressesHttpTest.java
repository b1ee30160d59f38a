package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addresses that must hold with and without a base path: images on /print, lessons with a trailing
 * slash, the bare base path; and what course.yml adds to every page.
 */
class CourseAddressesHttpTest {

    private static void course(Path root) throws Exception {
        Files.createDirectories(root.resolve("img"));
        Files.createDirectories(root.resolve("css"));
        Files.writeString(root.resolve("img/plot.png"), "png bytes");
        Files.writeString(root.resolve("img/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.writeString(root.resolve("css/course.css"), ".prose { color: teal; }");
        Files.writeString(root.resolve("course.yml"), "title: Cours\nlanguage: fr\nlogo: img/logo.svg\n"
                + "extra_css: [css/course.css]\nrepo_url: https://example.org/me/cours\nedit_uri: edit/main/content/\n");
        Files.createDirectories(root.resolve("01-part"));
        Files.writeString(root.resolve("01-part/01-first.md"),
                "---\ntitle: First\n---\n![A plot](img/plot.png)\n\n<img src=\"img/plot.png\" alt=\"again\">\n\nOn to [the second](second).\n");
        Files.writeString(root.resolve("01-part/02-second.md"), "---\ntitle: Second\n---\nText.\n");
    }

    @Test
    void underABasePath(@TempDir Path root) throws Exception {
        course(root);
        try (TestServer server = TestServer.start(new ServerOptions("127.0.0.1", 0, root, "/course", false, false))) {
            HttpResponse<String> bare = server.getRaw("/course");
            assertThat(bare.statusCode()).isEqualTo(301);
            assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/course/");

            HttpResponse<String> slash = server.getRaw("/course/lessons/first/?x=1");
            assertThat(slash.statusCode()).isEqualTo(301);
            assertThat(slash.headers().firstValue("Location")).hasValue("/course/lessons/first?x=1");

            String print = server.get("/print").body();
            assertThat(print).contains("<img src=\"/course/lessons/img/plot.png\" alt=\"A plot\"",
                    "<img src=\"/course/lessons/img/plot.png\" alt=\"again\">", "href=\"/course/lessons/second\"");
            assertThat(server.getRaw("/course/lessons/img/plot.png").statusCode()).isEqualTo(200);

            String page = server.get("/lessons/first").body();
            assertThat(page).contains("<html lang=\"fr\"",
                    "<img class=\"brand-logo\" src=\"/course/lessons/img/logo.svg\"",
                    "<link rel=\"stylesheet\" href=\"/course/lessons/css/course.css\">",
                    "<a href=\"https://example.org/me/cours/edit/main/content/01-part/01-first.md\" rel=\"noopener\">");
            assertThat(server.getRaw("/course/lessons/css/course.css").statusCode()).isEqualTo(200);
            assertThat(server.getRaw("/course/lessons/img/logo.svg").statusCode()).isEqualTo(200);
            assertThat(server.get("/").body()).doesNotContain("Edit this page");
        }
    }

    @Test
    void atTheRoot(@TempDir Path root) throws Exception {
        course(root);
        try (TestServer server = TestServer.start(new ServerOptions("127.0.0.1", 0, root, "", false, false))) {
            assertThat(server.get("/print").body()).contains("<img src=\"/lessons/img/plot.png\" alt=\"A plot\"");
            HttpResponse<String> slash = server.getRaw("/lessons/first/");
            assertThat(slash.statusCode()).isEqualTo(301);
            assertThat(slash.headers().firstValue("Location")).hasValue("/lessons/first");
            assertThat(server.getRaw("/").statusCode()).isEqualTo(200);
        }
    }
}
