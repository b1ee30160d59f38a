package io.downhill.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
    private final List<ContentIssue> issues = new ArrayList<>();

    @Test
    void readsEveryKnownKey() {
        var split = FrontMatter.parse("a.md", """
                ---
                title: Momentum
                order: 5
                description: "Rolling: a ball"
                draft: true
                tags: [momentum, sgd]
                slug: rolling-ball
                ---
                # Body
                text""", issues);

        assertThat(issues).isEmpty();
        assertThat(split.frontMatter()).isEqualTo(
                new FrontMatter("Momentum", 5, "Rolling: a ball", true, List.of("momentum", "sgd"), "rolling-ball"));
        assertThat(split.body()).isEqualTo("# Body\ntext");
        assertThat(split.bodyLine()).isEqualTo(9);
    }

    @Test
    void weightIsAnotherNameForOrder() {
        var split = FrontMatter.parse("a.md", "---\ntitle: T\nweight: 7\n---\n", issues);
        assertThat(split.frontMatter().order()).isEqualTo(7);
    }

    @Test
    void missingTitleIsAnError() {
        var split = FrontMatter.parse("lessons/a.md", "---\norder: 1\n---\nbody", issues);
        assertThat(split).isNull();
        assertThat(issues).extracting(ContentIssue::toString)
                .containsExactly("lessons/a.md:1:1: error: front matter needs a 'title' (or the body a '# Title' heading)");
    }

    @Test
    void withoutFrontMatterTheFirstHeadingIsTheTitleAndLeavesTheBody() {
        var split = FrontMatter.parse("a.md", "<!-- imported -->\n\n# Just *markdown*\n\nSome text.\n", issues);
        assertThat(issues).isEmpty();
        assertThat(split.frontMatter()).isEqualTo(new FrontMatter("Just *markdown*", null, null, false, List.of(), null));
        // the heading's line stays, empty, so later lines keep their numbers
        assertThat(split.body()).isEqualTo("<!-- imported -->\n\n\n\nSome text.\n");
        assertThat(split.bodyLine()).isEqualTo(1);
    }

    @Test
    void frontMatterWithoutTitleTakesTheHeadingButNotOneInsideCode() {
        var split = FrontMatter.parse("a.md", "---\norder: 2\n---\n```md\n# not this\n```\n# Real title #\ntext", issues);
        assertThat(issues).isEmpty();
        assertThat(split.frontMatter().title()).isEqualTo("Real title");
        assertThat(split.frontMatter().order()).isEqualTo(2);
        assertThat(split.body()).isEqualTo("```md\n# not this\n```\n\ntext");
    }

    @Test
    void noFrontMatterAndNoHeadingIsAnError() {
        assertThat(FrontMatter.parse("a.md", "Just words, no heading.", issues)).isNull();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(1);
            assertThat(i.message()).startsWith("no title: start the file with a '# Title' heading");
        });
    }

    @Test
    void aSlugMustBeAnAddress() {
        assertThat(FrontMatter.parse("a.md", "---\ntitle: T\nslug: My Lesson\n---\n", issues)).isNull();
        assertThat(issues).extracting(ContentIssue::toString).containsExactly(
                "a.md:3:1: error: 'slug' is the lesson's address: lower-case letters, digits and single hyphens, such as 'my-lesson', not 'My Lesson'");
    }

    @Test
    void unclosedFrontMatterIsAnError() {
        assertThat(FrontMatter.parse("a.md", "---\ntitle: T\n# body", issues)).isNull();
        assertThat(issues).singleElement().extracting(ContentIssue::message).asString().contains("not closed");
    }

    @Test
    void brokenYamlNamesTheFileLine() {
        // line 1 is '---', the bad indentation is on file line 4
        var split = FrontMatter.parse("b.md", "---\ntitle: T\norder: 1\n  description: [unclosed\n---\n", issues);
        assertThat(split).isNull();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.file()).isEqualTo("b.md");
            assertThat(i.line()).isEqualTo(4);
            assertThat(i.isError()).isTrue();
            assertThat(i.message()).startsWith("broken YAML");
            // one position only: the parser's own "line 3, column 14" counts from the YAML, not the file
            assertThat(i.message()).doesNotContain("line 3").doesNotContain("column").doesNotContain("\n");
        });
    }

    @Test
    void wrongTypesNameTheirLine() {
        FrontMatter.parse("c.md", "---\ntitle: T\norder: first\ndraft: maybe\n---\n", issues);
        assertThat(issues).extracting(ContentIssue::toString).containsExactly(
                "c.md:3:1: error: 'order' must be a whole number",
                "c.md:4:1: error: 'draft' must be true or false");
    }

    @Test
    void unknownKeyIsAnErrorWithASuggestion() {
        var split = FrontMatter.parse("d.md", "---\ntitle: T\ndescripton: oops\n---\n", issues);
        assertThat(split).isNotNull();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(ContentIssue.Severity.ERROR);
            assertThat(i.line()).isEqualTo(3);
            assertThat(i.message()).contains("did you mean 'description'?");
        });
    }
}
