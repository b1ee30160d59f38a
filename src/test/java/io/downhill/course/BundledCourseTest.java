package io.downhill.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The course we ship: it loads cleanly, and every lesson has what a lesson promises. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundledCourseTest {
    private Course course;

    @BeforeAll
    void load() throws CourseException {
        course = new CourseLoader(false).load(Path.of("content"));
    }

    @Test
    void loadsWithoutErrorsOrWarnings() {
        assertThat(course.warnings()).isEmpty();
        assertThat(course.lessons()).hasSize(13);
        assertThat(course.parts()).extracting(Part::title)
                .containsExactly("Foundations", "Beyond plain descent", "Training in practice", "For instructors");
    }

    @Test
    void everyLessonHasGoalsMisunderstandingsQuizzesAndASummary() {
        for (Lesson lesson : course.lessons()) {
            if (lesson.partSlug().equals("for-instructors")) {
                continue;
            }
            assertThat(lesson.description()).as(lesson.slug()).isNotBlank();
            assertThat(lesson.html()).as(lesson.slug()).contains("By the end of this lesson you can");
            assertThat(lesson.html()).as(lesson.slug()).contains("<summary>Common misunderstandings</summary>");
            long quizzes = lesson.embeds().stream().filter(e -> e.quiz() != null).count();
            assertThat(quizzes).as(lesson.slug()).isBetween(2L, 4L);
            assertThat(lesson.toc()).as(lesson.slug()).extracting(TocEntry::text).contains("Summary");
            assertThat(lesson.embeds()).as(lesson.slug()).noneMatch(Embed::isError);
        }
    }

    @Test
    void widgetsSitWhereTheLessonsNeedThem() {
        assertThat(types("what-gradient-descent-does")).contains("descent-1d", "descent-2d");
        assertThat(types("the-learning-rate")).contains("lr-compare");
        assertThat(types("momentum-and-nesterov")).contains("descent-2d", "rate-map");
        assertThat(types("a-practical-recipe")).contains("optimizer-race");
        assertThat(types("adaptive-methods")).contains("optimizer-race");
        assertThat(types("playground")).contains("optimizer-race", "descent-2d");
        assertThat(types("learning-rate-schedules")).contains("schedule-explorer");
        assertThat(types("when-to-stop")).contains("stopping-rules");
        assertThat(types("authoring-guide")).containsExactly("descent-1d", "descent-2d", "lr-compare", "optimizer-race",
                "schedule-explorer", "stopping-rules", "batch-noise", "custom-function", "gradient-lab", "landscape-traps", "deep-gradients", "rate-map");
        assertThat(types("gradients-in-deep-networks")).contains("deep-gradients");
        assertThat(types("convergence-challenges")).contains("landscape-traps");
        assertThat(types("where-gradients-come-from")).contains("gradient-lab");
        assertThat(types("playground")).contains("custom-function");
        assertThat(types("batch-stochastic-and-mini-batch")).contains("batch-noise");
    }

    private java.util.List<String> types(String slug) {
        return course.lesson(slug).orElseThrow().embeds().stream()
                .filter(e -> e.widget() != null).map(e -> e.widget().type()).toList();
    }
}
