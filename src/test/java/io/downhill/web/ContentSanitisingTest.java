package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.course.Markdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing an author writes runs as script in a learner's browser: raw script, event handler
 * attributes, script URLs in any spelling, quiz texts. What lessons need stays, and {@code check}
 * names each removed piece with its file and line (see {@code CheckTest}).
 */
public class ContentSanitisingTest {
    /** A lesson with one of each thing the sanitiser removes, and things it must keep; see the line numbers. */
    public static final String LESSON = String.join("\n",
            "---",                                                                                     // 1
            "title: Hostile",                                                                          // 2
            "---",                                                                                     // 3
            "## Scripts",                                                                              // 4
            "",                                                                                        // 5
            "<script>alert('raw')</script>",                                                           // 6
            "",                                                                                        // 7
            "<img src=\"img/x.png\" alt=\"x\" onerror=\"alert('img')\">",                              // 8
            "",                                                                                        // 9
            "Inline <span onclick=\"alert('span')\">text</span> and <a href=\"javascript:alert('a')\">a</a>.", // 10
            "",                                                                                        // 11
            "[md](javascript:alert('md')) [nl](javascript://%0Aalert('nl')) [case](JaVaScRiPt:alert('case'))", // 12
            "",                                                                                        // 13
            "[ent](&#106;avascript:alert('ent')) [hex](&#x6A;avascript:alert('hex')) <a href=\"&#106;&#97;vascript:alert('ent2')\">e</a>", // 14
            "",                                                                                        // 15
            "<a href=\"java&#9;script:alert('tab')\">tab</a> <a href=\" javascript:alert('sp')\">sp</a> <a href=\"vbscript:msgbox(1)\">vb</a>", // 16
            "",                                                                                        // 17
            "<iframe src=\"https://example.com\"></iframe><style>body{display:none}</style>",          // 18
            "",                                                                                        // 19
            "<svg onload=\"alert('svg')\"><circle r=\"1\"/></svg>",                                    // 20
            "",                                                                                        // 21
            "<details open><summary>Kept</summary><figure><img src=\"img/x.png\" alt=\"kept\"><figcaption>Caption <kbd>K</kbd> H<sub>2</sub>O x<sup>2</sup></figcaption></figure></details>", // 22
            "",                                                                                        // 23
            "<div class=\"note\"><span class=\"hl\">kept span</span></div>",                           // 24
            "",                                                                                        // 25
            "<a href=\"data:text/html,alert('data')\">data</a> ![dot](data:image/png;base64,iVBORw0KGgo=) <a href=\"https://example.com/\" title=\"t\">ok</a>", // 26
            "",                                                                                        // 27
            "```quiz",                                                                                 // 28
            "question: \"</script><script>alert('quiz')</script>\"",                                    // 29
            "choices: [\"<img src='img/x.png' onerror='alert(1)'>\", \"plain\"]",                       // 30
            "answer: 2",                                                                               // 31
            "explanation: \"<a href='javascript:alert(1)'>why</a>\"",                                  // 32
            "```",                                                                                     // 33
            "",                                                                                        // 34
            "```widget",                                                                               // 35
            "type: descent-1d",                                                                        // 36
            "problem: double-well",                                                                    // 37
            "caption: \"</figcaption><script>alert('caption')</script><img src=x onerror=alert(1)>\"", // 38
            "```",                                                                                     // 39
            "");

    /** Writes {@link #LESSON} and its image into a content folder. */
    public static Path course(Path root) throws Exception {
        Files.createDirectories(root.resolve("img"));
        Files.write(root.resolve("img/x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(root.resolve("01-hostile.md"), LESSON);
        return root;
    }

    /** No element, attribute or URL in the HTML can run script. */
    private static void assertInert(String what, Element root) {
        assertThat(root.select("script, iframe, frame, object, embed, style, svg, base, form, link, meta"))
                .as(what).isEmpty();
        for (Element e : root.getAllElements()) {
            e.attributes().forEach(a -> {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as(what + " <" + e.tagName() + ">").doesNotStartWith("on").isNotEqualTo("style");
                String value = a.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
                assertThat(value).as(what + " " + key).doesNotStartWith("javascript:").doesNotStartWith("vbscript:");
                if (value.startsWith("data:")) {
                    assertThat(e.tagName() + " " + key + " " + value).as(what).startsWith("img src data:image/");
                }
            });
        }
    }

    @Test
    void theServedLessonRunsNoAuthorScriptAndKeepsWhatLessonsUse(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(new ServerOptions("127.0.0.1", 0, course(root), "", false, false))) {
            Document page = Jsoup.parse(server.get("/lessons/hostile").body());
            Element article = page.selectFirst("article.lesson");
            Element authored = article.clone();
            authored.select("figure[data-widget] button > svg").remove(); // our own icons in the widget shell
            assertInert("lesson", authored);
            assertThat(article.html()).doesNotContain("alert('raw')", "alert('quiz')</script>");
            assertThat(article.select("details[open] > summary")).hasSize(1);
            assertThat(article.select("figure > img[src=img/x.png][alt=kept]")).hasSize(1);
            assertThat(article.select("figcaption kbd, figcaption sub, figcaption sup")).hasSize(3);
            assertThat(article.select("div.note > span.hl").text()).isEqualTo("kept span");
            assertThat(article.select("img[src^=data:image/png]")).hasSize(1);
            assertThat(article.select("a[href=https://example.com/][title=t]").text()).isEqualTo("ok");
            assertThat(article.select("img[alt=x]").attr("src")).isEqualTo("img/x.png");

            Element quiz = article.selectFirst("section.quiz");
            assertThat(quiz).isNotNull();
            assertThat(quiz.select(".quiz-question").text()).doesNotContain("<script");
            assertThat(quiz.select(".quiz-choice")).hasSize(2);
            assertThat(quiz.select(".quiz-explanation a").text()).isEqualTo("why");

            Element caption = article.selectFirst("figure[data-widget=descent-1d] figcaption");
            assertThat(caption).isNotNull();
            assertThat(caption.text()).startsWith("</figcaption><script>alert('caption')</script>");

            Document print = Jsoup.parse(server.get("/print").body());
            assertInert("print", print.selectFirst("main"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](javascript://%0Aalert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;vascript:alert(1))",
        "[x](java&#9;script:alert(1))",
        "[x](&#32;javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
        "<a href=\"&#x6a;avascript&colon;alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\"\u0001javascript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:text/html,x\">",
        "<a href=x onmouseover=alert(1)>x</a>",
        "<IMG SRC=x OnErRoR=alert(1)>",
        "<body onload=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<math><a href=\"javascript:alert(1)\">x</a></math>",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
        "<scr<script>ipt>alert(1)</script>",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
    })
    void everySpellingOfAScriptIsRemoved(String markdown) {
        String html = new Markdown().render(markdown).html();
        assertInert(markdown, Jsoup.parseBodyFragment(html).body());
    }
}
