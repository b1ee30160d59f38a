package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downhill.search.SearchIndex;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search answers every query: within the bounds (200 characters, 12 words) with results, beyond
 * them with a 400 that names {@code q} and the bound (a message page on {@code /search}); never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBoundsHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /** Queries with as many expanding operators as the bounds allow. */
    static List<String> heavyButAllowed() {
        return List.of(
                "gradient~2 descent~2 momentum~2 learning~2 rate~2 adaptive~2 schedule~2 batch~2 noise~2 saddle~2 plateau~2 converge~2",
                "gradient~2|descent~2|momentum~2|learning~2|rate~2|adaptive~2|schedule~2|batch~2|noise~2|saddle~2|plateau~2|converge~2",
                "aa~2 bb~2 cc~2 dd~2 ee~2 ff~2 gg~2 hh~2 ii~2 jj~2 kk~2 ll~2",
                "ee~9 aa~9 ii~9 oo~9 uu~9 rr~9 ss~9 tt~9 nn~9 ll~9 mm~9 dd~9",
                "g*|d*|m*|l*|r*|a*|s*|b*|n*|s*|p*|c*",
                "gr* de* mo* le* ra* ad* sc* ba* no* sa* pl* co*",
                "abcdefghijklmnopqrs~2 ".repeat(9).strip(),
                "\"gradient descent momentum learning rate\"~100 gradient~2 descent~2",
                "((((((((((((((((((((gradient~2))))))))))))))))))))",
                "-gradient -descent -momentum",
                "\\\\\\\\\\~~~~***|||+++---\"\"\"((()))",
                "\u0000\u0001 gradient \ud83d\ude00 \u202e",
                "* ~ | \" ( ) -");
    }

    @ParameterizedTest
    @MethodSource("heavyButAllowed")
    void heavyQueriesWithinTheBoundsAnswer200(String q) throws Exception {
        HttpResponse<String> api = server.get("/api/search?q=" + encode(q));
        assertThat(api.statusCode()).as(q + " -> " + api.body()).isEqualTo(200);
        assertThat(JSON.readTree(api.body()).get("results").size()).isLessThanOrEqualTo(CourseSearch.LIMIT);
        assertThat(server.get("/search?q=" + encode(q)).statusCode()).as(q).isEqualTo(200);
    }

    static List<String> beyondTheBounds() {
        List<String> q = new ArrayList<>();
        q.add("a".repeat(SearchIndex.MAX_QUERY_CHARS + 1));
        q.add("gradient ".repeat(13).strip());
        q.add("a~2 ".repeat(40).strip());
        q.add("e~2 e~2 e~2 e~2 e~2 e~2 e~2 e~2 e~2 e~2 e~2 e~2 e~2");
        q.add("a*|b*|c*|d*|e*|f*|g*|h*|i*|j*|k*|l*|m*|n*");
        return q;
    }

    @ParameterizedTest
    @MethodSource("beyondTheBounds")
    void beyondTheBoundsIsA400NamingQAndTheBound(String q) throws Exception {
        HttpResponse<String> r = server.get("/api/search?q=" + encode(q));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("field").asText()).isEqualTo("q");
        assertThat(problem.get("title").asText()).isEqualTo("Invalid search query");
        assertThat(problem.get("detail").asText()).containsAnyOf("at most " + SearchIndex.MAX_QUERY_CHARS + " characters",
                "at most " + SearchIndex.MAX_QUERY_WORDS + " words");
    }

    @ParameterizedTest
    @MethodSource("beyondTheBounds")
    void theSearchPageExplainsTheBoundInPlainWords(String q) {
        HttpResponse<String> r = server.get("/search?q=" + encode(q));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("Search too long or too complex")
                .contains("at most " + SearchIndex.MAX_QUERY_WORDS + " words and " + SearchIndex.MAX_QUERY_CHARS + " characters")
                .doesNotContain("Invalid run spec").doesNotContain("problem+json");
    }

    @Test
    void ordinarySearchStillFindsAndHighlights() throws Exception {
        JsonNode results = JSON.readTree(server.get("/api/search?q=" + encode("momentum~1 nesterov")).body()).get("results");
        assertThat(results).isNotEmpty();
        assertThat(results.get(0).get("url").asText()).startsWith("/lessons/momentum-and-nesterov");
        JsonNode typo = JSON.readTree(server.get("/api/search?q=" + encode("momentun~1")).body()).get("results");
        assertThat(typo).isNotEmpty();
        assertThat(typo.get(0).get("snippet").asText()).contains("<mark>");
    }
}
