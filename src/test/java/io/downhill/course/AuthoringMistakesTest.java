package io.downhill.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes an instructor makes while writing or importing a chapter, each caught where it is. */
class AuthoringMistakesTest {
    @TempDir
    Path root;

    private void write(String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<String> problems() {
        try {
            Course course = new CourseLoader(false).load(root);
            return course.warnings().stream().map(ContentIssue::toString).toList();
        } catch (CourseException e) {
            return e.issues().stream().map(ContentIssue::toString).toList();
        }
    }

    private Course course() throws CourseException {
        return new CourseLoader(false).load(root);
    }

    @Test
    void anUnclosedDisplayBlockIsAnErrorAndTheRestOfTheLessonStillRenders() throws Exception {
        write("a.md", String.join("\n",
                "---", "title: A", "---",              // 1-3
                "Before.",                              // 4
                "",                                     // 5
                "  $$",                                 // 6  opens, never closed
                "w_{t+1} = w_t",                        // 7
                "",                                     // 8
                "> [!NOTE]",                            // 9
                "> Still a callout.",                   // 10
                "",
                "![plot](img/p.png)",
                ""));
        write("img/p.png", "png");
        assertThat(problems()).containsExactly(
                "a.md:6:3: error: display maths not closed: this '$$' line opens maths but no line ending in '$$' follows");

        String html = new Markdown().render(Files.readString(root.resolve("a.md")).split("---\n", 3)[2]).html();
        assertThat(html).contains("<div class=\"callout callout-note\"", "<img src=\"img/p.png\" alt=\"plot\"")
                .doesNotContain("math-display");
    }

    @Test
    void anUnclosedInlineDollarIsAnErrorAtItsColumn() throws Exception {
        write("a.md", "---\ntitle: A\n---\nLet $x be a number.\n");
        assertThat(problems()).containsExactly(
                "a.md:4:5: error: maths not closed: a '$' opens maths here but no matching '$' follows (write \\$ for a dollar sign)");
    }

    @Test
    void dollarsNeverPairAcrossInlineCode() throws Exception {
        write("a.md", "---\ntitle: A\n---\nBetween $250 and $400. Write `\\$` or `$HOME`, and $x$ is maths.\n");
        assertThat(course().lessons().get(0).html()).isEqualTo(
                "<p>Between $250 and $400. Write <code>\\$</code> or <code>$HOME</code>, and "
                        + "<span class=\"math-inline\">x</span> is maths.</p>\n");
    }

    @Test
    void displayMathsInsideASentenceStaysInItsParagraph() throws Exception {
        write("a.md", "---\ntitle: A\n---\nSo $$a^2 + b^2$$ holds.\n");
        assertThat(course().lessons().get(0).html())
                .isEqualTo("<p>So <span class=\"math-display\">a^2 + b^2</span> holds.</p>\n");
    }

    @Test
    void mathsInAFigureCaptionRenders() throws Exception {
        write("img/f.png", "png");
        write("a.md", "---\ntitle: A\n---\n<figure>\n<img src=\"img/f.png\" alt=\"\">\n"
                + "<figcaption>The loss $f(x)$ costs $5 and $$\\sum_i x_i$$</figcaption>\n</figure>\n");
        Course course = course();
        assertThat(course.lessons().get(0).html()).contains(
                "<figcaption>The loss <span class=\"math-inline\">f(x)</span> costs $5 and "
                        + "<span class=\"math-display\">\\sum_i x_i</span></figcaption>");
        assertThat(course.lessons().get(0).body().hasMath()).isTrue();
    }

    @Test
    void aMisspeltCalloutIsAnErrorWithASuggestion() throws Exception {
        write("a.md", "---\ntitle: A\n---\ntext\n\n> [!WARN]\n> Careful.\n");
        assertThat(problems()).containsExactly("a.md:6:3: error: unknown callout '[!WARN]' (did you mean '[!WARNING]'?);"
                + " known: CAUTION, IMPORTANT, NOTE, TIP, WARNING");
    }

    @Test
    void anHtmlImageWithAMissingFileIsAnError() throws Exception {
        write("a.md", "---\ntitle: A\n---\ntext\n\n<figure>\n  <img alt=\"x\" src=\"img/gone.png\">\n</figure>\n\nInline <img src='img/also-gone.png'> too.\n");
        assertThat(problems()).containsExactlyInAnyOrder(
                "a.md:10:8: error: image 'img/also-gone.png' is not in the content folder (paths are relative to the content folder, e.g. img/figure.png; dotfiles are never served)",
                "a.md:7:3: error: image 'img/gone.png' is not in the content folder (paths are relative to the content folder, e.g. img/figure.png; dotfiles are never served)");
    }

    @Test
    void aSymlinkedImagePointingOutsideTheCourseIsAnError(@TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("secret.png"), "png");
        Files.createDirectories(root.resolve("img"));
        Files.createSymbolicLink(root.resolve("img/linked.png"), elsewhere.resolve("secret.png"));
        write("a.md", "---\ntitle: A\n---\n![x](img/linked.png)\n");
        assertThat(problems()).containsExactly("a.md:4:1: error: image 'img/linked.png' is a link to a file outside"
                + " the content folder, which is not served; copy the file into the course");
    }

    @Test
    void aTrainingWidgetOverTheServersWorkBoundIsAnError() throws Exception {
        write("a.md", "---\ntitle: A\n---\n```widget\ntype: deep-gradients\nwidth: 16\nmax_steps: 2000\n```\n");
        List<String> over = problems();
        assertThat(over).hasSize(1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("a\\.md:7:1: error: widget: training this network is over"
                + " the server's work bound: at 30 hidden layers \\(the most a learner can pick\\) it costs about \\S+ units,"
                + " at most 1e\\+10; lower 'max_steps' to about (\\d+) or 'width'").matcher(over.get(0));
        assertThat(m.matches()).as(over.get(0)).isTrue();
        int fits = Integer.parseInt(m.group(1));
        // the suggestion is exactly the bound: it is accepted, one step more is not
        write("a.md", "---\ntitle: A\n---\n```widget\ntype: deep-gradients\nwidth: 16\nmax_steps: " + fits + "\n```\n");
        assertThat(problems()).isEmpty();
        write("a.md", "---\ntitle: A\n---\n```widget\ntype: deep-gradients\nwidth: 16\nmax_steps: " + (fits + 1) + "\n```\n");
        assertThat(problems()).hasSize(1);
        // too wide for one update of the deepest network to interleave with other learners' work
        write("a.md", "---\ntitle: A\n---\n```widget\ntype: deep-gradients\nwidth: 32\nmax_steps: 10\n```\n");
        assertThat(problems()).containsExactly("a.md:7:1: error: widget: one training update of a 30-layer network of width 32"
                + " is over the server's bound; lower 'width'");
    }

    @Test
    void aMisIndentedQuizChoiceIsBlamedOnItsOwnLine() throws Exception {
        write("a.md", String.join("\n", "---", "title: A", "---", "```quiz", "question: Which?", "choices:",
                "  - one", "  - two", " - three", "answer: 1", "explanation: This one.", "```", ""));
        assertThat(problems()).containsExactly("a.md:9:2: error: broken YAML: expected <block end>, but found"
                + " '<block sequence start>'; while parsing a block mapping (is this line indented differently from the lines around it?)");
    }

    @Test
    void aMisIndentedFrontMatterKeyHasOnePosition() throws Exception {
        write("a.md", "---\ntitle: A\n  order: 2\n---\ntext\n");
        assertThat(problems()).containsExactly("a.md:3:8: error: broken YAML: mapping values are not allowed here"
                + " (is this line indented differently from the lines around it?)");
    }

    @Test
    void aRaceLearningRateErrorNamesTheOptimizer() throws Exception {
        write("a.md", "---\ntitle: A\n---\n```widget\ntype: optimizer-race\nproblem: bowl\noptimizers: [sgd, adam]\n"
                + "lr: {sgd: 0.1, adam: 5}\n```\n");
        assertThat(problems()).containsExactly("a.md:8:1: error: widget: 'lr' of adam must be from 0.00001 to 2, not 5");
    }

    @Test
    void importedFilesNeedNoFrontMatterAndMaySetTheirAddress() throws Exception {
        write("01-intro.md", "# Introduction\n\nRead [the next one](02-next-steps.md#how) first.\n");
        write("02-next-steps.md", "---\nslug: onwards\n---\n# Next steps\n\n## How\n\nBack to [the start](01-intro.md).\n");
        Course course = course();
        assertThat(course.lessons()).extracting(Lesson::slug).containsExactly("intro", "onwards");
        assertThat(course.lessons()).extracting(Lesson::title).containsExactly("Introduction", "Next steps");
        Lesson intro = course.lessons().get(0);
        assertThat(intro.html()).doesNotContain("<h1").contains("<a href=\"onwards#how\">the next one</a>");
        assertThat(course.lessons().get(1).html()).contains("<a href=\"intro\">the start</a>");
    }

    @Test
    void linksToFilesOutsideTheCourseAreReportedAsWritten() throws Exception {
        write("a.md", "---\ntitle: A\n---\nSee [the licence](LICENSE), [the API](doc/API.md) and [up](../README.md)"
                + " and [notes](../notes.txt).\n");
        assertThat(problems()).containsExactly(
                "a.md:4:5: error: link to a lesson that does not exist: 'LICENSE'",
                "a.md:4:29: error: link to 'doc/API.md': no lesson of this course comes from that file",
                "a.md:4:55: error: link to '../README.md': no lesson of this course comes from that file",
                "a.md:4:78: error: link '../notes.txt' points outside the content folder, which is not served; link to its web address instead");
    }

    @Test
    void aMisspeltFrontMatterKeyIsAnErrorWithASuggestion() throws Exception {
        write("a.md", "---\ntitle: A\ndescripton: typo\n---\ntext\n");
        assertThat(problems()).containsExactly("a.md:3:1: error: unknown front matter key 'descripton'"
                + " (did you mean 'description'?) (known: title, order, weight, description, draft, tags, slug)");
    }

    @Test
    void courseYmlTakesLogoExtraCssRepositoryAndLanguage() throws Exception {
        write("img/logo.svg", "<svg/>");
        write("css/course.css", "body{}");
        write("a.md", "---\ntitle: A\n---\ntext\n");
        write("course.yml", "title: T\nlogo: img/logo.svg\nextra_css: [css/course.css]\n"
                + "repo_url: https://example.org/me/course\nedit_uri: edit/main/content/\nlanguage: fr\n");
        CourseConfig config = course().config();
        assertThat(config.logo()).isEqualTo("img/logo.svg");
        assertThat(config.extraCss()).containsExactly("css/course.css");
        assertThat(config.language()).isEqualTo("fr");
        assertThat(config.editUrl("01-part/02-a.md")).isEqualTo("https://example.org/me/course/edit/main/content/01-part/02-a.md");
    }

    @Test
    void courseYmlMistakesAreCaught() throws Exception {
        write("a.md", "---\ntitle: A\n---\ntext\n");
        write("course.yml", "title: T\nlogo: img/none.svg\nextra_css: [../outside.css]\nrepo_url: github.com/me\n"
                + "language: French\nlogos: x\n");
        assertThat(problems()).containsExactlyInAnyOrder(
                "course.yml:2:1: error: 'logo': no file 'img/none.svg' in the content folder (paths are relative to the folder course.yml is in)",
                "course.yml:3:1: error: 'extra_css': no file '../outside.css' in the content folder (paths are relative to the folder course.yml is in)",
                "course.yml:4:1: error: 'repo_url' must be a web address such as https://github.com/me/my-course, not 'github.com/me'",
                "course.yml:5:1: error: 'language' must be a language tag such as en, fr or pt-BR, not 'French'",
                "course.yml:6:1: warning: unknown key 'logos' (did you mean 'logo'?) (known: title, subtitle, footer, theme,"
                        + " hidden_parts, logo, extra_css, repo_url, edit_uri, language)");
    }
}
