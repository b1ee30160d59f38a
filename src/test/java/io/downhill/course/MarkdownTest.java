package io.downhill.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown markdown = new Markdown();

    private String html(String source) {
        return markdown.render(source).html();
    }

    @Test
    void inlineMathsKeepsUnderscoresAndAsterisks() {
        assertThat(html("Here $a_1 * b_2$ and $c_1 * d_2$ stay."))
                .isEqualTo("<p>Here <span class=\"math-inline\">a_1 * b_2</span> and "
                        + "<span class=\"math-inline\">c_1 * d_2</span> stay.</p>\n");
    }

    @Test
    void displayMathsInAParagraph() {
        // a <div> cannot sit in a <p>: the served HTML is what a browser would build from it
        assertThat(html("$$\\sum_i x_i^2$$"))
                .isEqualTo("<p><span class=\"math-display\">\\sum_i x_i^2</span></p>\n");
    }

    @Test
    void displayMathsAsABlockSurvivesListMarkersAndEmphasis() {
        String source = "Before\n\n$$\n- a_1 * b_2\n+ c_*\n$$\n\nAfter";
        assertThat(html(source)).isEqualTo(
                "<p>Before</p>\n<div class=\"math-display\">- a_1 * b_2\n+ c_*</div>\n<p>After</p>\n");
    }

    @Test
    void mathsIsHtmlEscaped() {
        assertThat(html("$a<b$")).isEqualTo("<p><span class=\"math-inline\">a&lt;b</span></p>\n");
    }

    @Test
    void pricesAndEscapedDollarsStayText() {
        assertThat(html("It costs $5 and $10 today.")).isEqualTo("<p>It costs $5 and $10 today.</p>\n");
        assertThat(html("A \\$ sign and \\$x\\$.")).isEqualTo("<p>A $ sign and $x$.</p>\n");
        assertThat(html("Spaces $ x $ are not maths.")).isEqualTo("<p>Spaces $ x $ are not maths.</p>\n");
    }

    @Test
    void codeSpansWinOverMaths() {
        assertThat(html("`$x$`")).isEqualTo("<p><code>$x$</code></p>\n");
    }

    @Test
    void tablesFootnotesAndAnchorsAllWork() {
        RenderedMarkdown r = markdown.render("""
                ## First part

                | a | b |
                |---|--:|
                | 1 | 2 |

                A claim.[^1]

                ### Detail *here*

                [^1]: The source.
                """);
        assertThat(r.html()).contains("<h2 id=\"first-part\">First part</h2>")
                .contains("<table>").contains("<td align=\"right\">2</td>")
                .contains("class=\"footnote-ref\"").contains("The source.")
                .contains("<h3 id=\"detail-here\">");
        assertThat(r.toc()).containsExactly(
                new TocEntry(2, "first-part", "First part"),
                new TocEntry(3, "detail-here", "Detail here"));
    }

    @Test
    void theContentsAndThePageAnchorsComeFromOneTreeEvenForRepeatsCodeAndMaths() {
        RenderedMarkdown r = markdown.render("""
                # Title

                ## Steps

                ## Steps

                ### The `lr` and $\\gamma$

                #### Deep
                """);
        assertThat(r.html()).contains("<h2 id=\"steps\">Steps</h2>", "<h2 id=\"steps-1\">Steps</h2>",
                "<h3 id=\"the-lr-and\">", "<h4 id=\"deep\">");
        assertThat(r.toc()).containsExactly(
                new TocEntry(2, "steps", "Steps"),
                new TocEntry(2, "steps-1", "Steps"),
                new TocEntry(3, "the-lr-and", java.util.List.of(new TocEntry.Part("The lr and ", false), new TocEntry.Part("\\gamma", true))));
        assertThat(r.toc().get(2).text()).isEqualTo("The lr and \\gamma");
    }

    @Test
    void unclosedMathsStaysAsTypedAndIsReportedByEachRenderAlone() {
        RenderedMarkdown broken = markdown.render("Costs $x and more.\n\nFine.");
        assertThat(broken.html()).isEqualTo("<p>Costs $x and more.</p>\n<p>Fine.</p>\n");
        assertThat(broken.issues()).extracting(MarkdownIssue::column).containsExactly(7);
        // nothing carries over to the next document rendered
        assertThat(markdown.render("All $a$ closed.").issues()).isEmpty();
    }

    @Test
    void calloutsBecomeTitledBoxes() {
        assertThat(html("> [!WARNING]\n> Mind the *step*.")).isEqualTo(
                "<div class=\"callout callout-warning\" role=\"note\"><p class=\"callout-title\">Warning</p>\n"
                        + "<p>Mind the <em>step</em>.</p>\n</div>\n");
        assertThat(html("> [!TIP] Inline title text")).contains("callout-tip").contains("<p>Inline title text</p>");
        assertThat(html("> Plain quote")).isEqualTo("<blockquote>\n<p>Plain quote</p>\n</blockquote>\n");
        assertThat(html("> [!NOPE]\n> text")).startsWith("<blockquote>");
    }

    @Test
    void detailsBlocksPassThrough() {
        assertThat(html("<details>\n<summary>Why?</summary>\n\nBecause **so**.\n\n</details>"))
                .contains("<details>").contains("<summary>Why?</summary>").contains("<strong>so</strong>");
    }

    @Test
    void countsWordsAndNotesWhatThePageNeeds() {
        RenderedMarkdown r = markdown.render("One two three $x$.\n\n```python\nprint(1)\n```\n");
        assertThat(r.hasMath()).isTrue();
        assertThat(r.hasCode()).isTrue();
        assertThat(r.words()).isEqualTo(3 + 1 + 1 + 1);
        assertThat(markdown.render("Plain.").hasMath()).isFalse();
    }
}
