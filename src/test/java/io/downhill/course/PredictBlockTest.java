package io.downhill.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.downhill.widget.Predict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code predict} key that every widget type accepts: read, and rejected with file:line when wrong. */
class PredictBlockTest {
    @TempDir
    Path root;

    private static final String HEAD = "---\ntitle: A\n---\nText.\n\n```widget\n";

    private void lesson(String widgetYaml) throws IOException {
        Files.writeString(root.resolve("01-a.md"), HEAD + widgetYaml + "```\n");
    }

    private List<String> errors(String widgetYaml) throws IOException {
        lesson(widgetYaml);
        try {
            new CourseLoader(false).load(root);
        } catch (CourseException e) {
            return e.issues().stream().map(ContentIssue::toString).toList();
        }
        return List.of();
    }

    private static final String GOOD = """
            predict:
              question: Which valley?
              choices: [left, right]
              answer: right
              why: The slope leads right.
            """;

    @Test
    void everyWidgetTypeAcceptsAPrediction() throws Exception {
        for (String type : io.downhill.widget.Widgets.TYPES) {
            lesson("type: " + type + "\n" + GOOD);
            Course course = new CourseLoader(false).load(root);
            Embed embed = course.lessons().get(0).embeds().get(0);
            assertThat(embed.widget().type()).isEqualTo(type);
            assertThat(embed.predict()).as(type)
                    .isEqualTo(new Predict("Which valley?", List.of("left", "right"), "right", "The slope leads right."));
            assertThat(embed.predict().answerIndex()).isEqualTo(1);
        }
    }

    @Test
    void aWidgetWithoutPredictionHasNone() throws Exception {
        lesson("type: descent-1d\n");
        assertThat(new CourseLoader(false).load(root).lessons().get(0).embeds().get(0).predict()).isNull();
    }

    @Test
    void anAnswerThatIsNotAChoiceIsAnErrorAtThePredictLine() throws Exception {
        assertThat(errors("type: descent-1d\nlr: 0.05\npredict:\n  question: Which?\n  choices: [left, right]\n  answer: rihgt\n  why: Because.\n"))
                .containsExactly("01-a.md:9:1: error: widget: 'predict.answer' must be one of 'predict.choices', not 'rihgt' (did you mean 'right'?)");
    }

    @Test
    void aMissingAnswerIsAnError() throws Exception {
        assertThat(errors("type: lr-compare\npredict:\n  question: Which?\n  choices: [a, b]\n  why: Because.\n"))
                .containsExactly("01-a.md:8:1: error: widget: 'predict' needs 'answer:' (a text)");
    }

    @Test
    void anUnknownKeyInsidePredictIsAnError() throws Exception {
        assertThat(errors("type: optimizer-race\npredict:\n  question: Which?\n  choices: [a, b]\n  answer: a\n  why: Because.\n  hint: no\n"))
                .containsExactly("01-a.md:8:1: error: widget: unknown key 'hint' in 'predict' (known: answer, choices, question, why)");
    }

    @Test
    void choicesMustBeTwoToSixDistinctTexts() throws Exception {
        assertThat(errors("type: descent-2d\npredict:\n  question: Which?\n  choices: [only]\n  answer: only\n  why: Because.\n"))
                .containsExactly("01-a.md:8:1: error: widget: 'predict.choices' must list 2 to 6 answers");
        assertThat(errors("type: descent-2d\npredict:\n  question: Which?\n  choices: [a, a]\n  answer: a\n  why: Because.\n"))
                .containsExactly("01-a.md:8:1: error: widget: 'predict.choices' lists 'a' twice");
        assertThat(errors("type: descent-2d\npredict: which valley?\n"))
                .containsExactly("01-a.md:8:1: error: widget: 'predict' must be a mapping with question, choices, answer and why");
    }

    @Test
    void aMisspeltPredictKeyIsStillAnUnknownWidgetKey() throws Exception {
        assertThat(errors("type: descent-2d\npredcit:\n  question: Which?\n").get(0))
                .startsWith("01-a.md:8:1: error: widget: unknown key 'predcit' for a descent-2d widget (did you mean 'predict'?)");
    }

    @Test
    void theLessonPageRendersTheQuestionAsAFieldsetOfRadioButtons() {
        try (var server = io.downhill.web.TestServer.start("")) {
            String html = server.get("/lessons/what-gradient-descent-does").body();
            int figure = html.indexOf("data-widget=\"descent-2d\"");
            int start = html.indexOf("<fieldset class=\"predict\" data-predict data-answer=\"1\">", figure);
            assertThat(start).isGreaterThan(figure).isGreaterThan(0);
            String box = html.substring(start, html.indexOf("</fieldset>", start));
            String id = html.substring(html.lastIndexOf("id=\"", figure) + 4, html.indexOf('"', html.lastIndexOf("id=\"", figure) + 4));
            assertThat(box).contains("<legend><span class=\"predict-label\">Predict first</span> <span class=\"predict-question\">"
                    + "From (3, 4) with η = 0.1, which coordinate gets within 0.001 of the minimum first?</span></legend>");
            for (int i = 0; i < 3; i++) {
                assertThat(box).contains("<input type=\"radio\" name=\"" + id + "-predict\" value=\"" + i + "\">");
            }
            assertThat(box).contains("<span>x</span>", "<span>y</span>", "<span>Both at the same step</span>")
                    .contains("role=\"status\"", "data-predict-why hidden>", ">Show the answer</button>");
            // only the widget that asks for a prediction shows one
            assertThat(html.split("<fieldset class=\"predict\"", -1)).hasSize(2);
        }
    }
}
