package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search and the print page on the bundled course, under a base path. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAndPrintHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("/course");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode search(String q) throws Exception {
        HttpResponse<String> r = server.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @ParameterizedTest
    @CsvSource({
        "bias correction, /course/lessons/adaptive-methods#",
        "saddle, /course/lessons/convergence-challenges#",
        "central difference, /course/lessons/where-gradients-come-from",
        "mini-batch, /course/lessons/batch-stochastic-and-mini-batch",
        "Nesterov, /course/lessons/momentum-and-nesterov",
        "warm restarts, /course/lessons/learning-rate-schedules",
        "vanishing gradients, /course/lessons/gradients-in-deep-networks",
    })
    void findsTheLessonThatExplainsIt(String query, String expectedUrl) throws Exception {
        JsonNode first = search(query).get("results").get(0);
        assertThat(first.get("url").asText()).startsWith(expectedUrl);
        assertThat(first.get("lesson").asText()).isNotBlank();
    }

    @Test
    void snippetsMarkTheMatchAndAreEscaped() throws Exception {
        JsonNode results = search("saddle").get("results");
        assertThat(results.size()).isBetween(1, CourseSearch.LIMIT);
        assertThat(results.get(0).get("snippet").asText()).contains("<mark>").doesNotContain("<script");
    }

    @Test
    void typingTheStartOfAWordFindsIt() throws Exception {
        assertThat(search("grad desc").get("results")).isNotEmpty();
        assertThat(search("xyzzy").get("results")).isEmpty();
    }

    @Test
    void tooLongAQueryIsA400() throws Exception {
        HttpResponse<String> r = server.get("/api/search?q=" + "a".repeat(201));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("q");
    }

    @Test
    void theSearchPageWorksWithoutJavaScript() {
        HttpResponse<String> r = server.get("/search?q=momentum");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("results for “momentum”").contains("href=\"/course/lessons/momentum-and-nesterov");
    }

    @Test
    void thePrintPageHasEveryLessonInOrderWithWidgetsAsNotes() {
        HttpResponse<String> r = server.get("/print");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        String[] order = {"what-gradient-descent-does", "the-learning-rate", "where-gradients-come-from",
            "batch-stochastic-and-mini-batch", "momentum-and-nesterov", "adaptive-methods", "learning-rate-schedules",
            "convergence-challenges", "when-to-stop", "gradients-in-deep-networks", "a-practical-recipe", "playground", "authoring-guide"};
        int last = -1;
        for (String slug : order) {
            int at = html.indexOf("<article class=\"print-lesson\" id=\"lesson-" + slug + "\"");
            assertThat(at).as(slug).isGreaterThan(last);
            last = at;
        }
        assertThat(html).doesNotContain("data-widget=").contains("class=\"widget-printed\"")
                .contains("open <a href=\"/course/lessons/the-learning-rate\">the lesson online</a>");
        assertThat(html).contains("class=\"quiz\"");
    }
}
