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
                ---
                # Body
                text""", issues);

        assertThat(issues).isEmpty();
        assertThat(split.frontMatter()).isEqualTo(
                new FrontMatter("Momentum", 5, "Rolling: a ball", true, List.of("momentum", "sgd")));
        assertThat(split.body()).isEqualTo("# Body\ntext");
        assertThat(split.bodyLine()).isEqualTo(8);
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
                .containsExactly("lessons/a.md:1:1: error: front matter needs a 'title'");
    }

    @Test
    void missingFrontMatterIsAnError() {
        assertThat(FrontMatter.parse("a.md", "# Just markdown", issues)).isNull();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(1);
            assertThat(i.message()).startsWith("missing front matter");
        });
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
    void unknownKeyIsAWarningWithASuggestion() {
        var split = FrontMatter.parse("d.md", "---\ntitle: T\ndescripton: oops\n---\n", issues);
        assertThat(split).isNotNull();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(ContentIssue.Severity.WARNING);
            assertThat(i.line()).isEqualTo(3);
            assertThat(i.message()).contains("did you mean 'description'?");
        });
    }
}
