package io.downhill.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseLoaderTest {
    @TempDir
    Path root;

    private void write(String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String lesson(String title, String extra) {
        return "---\ntitle: " + title + "\n" + extra + "---\nSome words here.\n";
    }

    @Test
    void ordersByOrderKeyThenPrefixThenName() throws Exception {
        write("10-z.md", lesson("Ten", ""));
        write("2-b.md", lesson("Two", ""));
        write("first.md", lesson("Ordered first", "order: 1\n"));
        write("alpha.md", lesson("Unnumbered", ""));

        Course course = new CourseLoader(false).load(root);

        assertThat(course.lessons()).extracting(Lesson::title)
                .containsExactly("Ordered first", "Two", "Ten", "Unnumbered");
        assertThat(course.lessons()).extracting(Lesson::slug).containsExactly("first", "b", "z", "alpha");
    }

    @Test
    void foldersArePartsInPrefixOrder() throws Exception {
        write("intro.md", lesson("Intro", ""));
        write("02-advanced/01-adam.md", lesson("Adam", ""));
        write("01-basics/02-lr.md", lesson("LR", ""));
        write("01-basics/01-gd.md", lesson("GD", ""));
        write("02-advanced/part.yml", "title: Going further\ndescription: Beyond plain descent.\n");

        Course course = new CourseLoader(false).load(root);

        assertThat(course.parts()).extracting(Part::title).containsExactly("", "Basics", "Going further");
        assertThat(course.parts().get(2).description()).isEqualTo("Beyond plain descent.");
        assertThat(course.lessons()).extracting(Lesson::slug).containsExactly("intro", "gd", "lr", "adam");
        Lesson lr = course.lesson("lr").orElseThrow();
        assertThat(course.previous(lr)).map(Lesson::slug).hasValue("gd");
        assertThat(course.next(lr)).map(Lesson::slug).hasValue("adam");
        assertThat(course.next(course.lesson("adam").orElseThrow())).isEmpty();
    }

    @Test
    void draftsAreHiddenUnlessAsked() throws Exception {
        write("01-a.md", lesson("A", ""));
        write("02-b.md", lesson("B", "draft: true\n"));

        assertThat(new CourseLoader(false).load(root).lessons()).extracting(Lesson::slug).containsExactly("a");
        assertThat(new CourseLoader(true).load(root).lessons()).extracting(Lesson::slug).containsExactly("a", "b");
    }

    @Test
    void collectsEveryErrorWithFileAndLine() throws Exception {
        write("01-ok.md", lesson("Fine", ""));
        write("02-no-title.md", "---\norder: 2\n---\n");
        write("part/03-ok.md", lesson("Same slug", ""));
        write("other/03-ok.md", lesson("Same slug again", ""));
        write("04-broken.md", "---\ntitle: [x\n---\n");

        assertThatThrownBy(() -> new CourseLoader(false).load(root))
                .isInstanceOfSatisfying(CourseException.class, e -> assertThat(e.issues())
                        .extracting(ContentIssue::toString)
                        .anyMatch(s -> s.equals("02-no-title.md:1:1: error: front matter needs a 'title' (or the body a '# Title' heading)"))
                        .anyMatch(s -> s.startsWith("04-broken.md:") && s.contains("broken YAML"))
                        .anyMatch(s -> s.contains("duplicate slug 'ok'")));
    }

    @Test
    void readsCourseConfig() throws Exception {
        write("course.yml", "title: Optimisation 101\nsubtitle: Week 3\ntheme: dark\n");
        write("a.md", lesson("A", ""));
        CourseConfig config = new CourseLoader(false).load(root).config();
        assertThat(config).isEqualTo(new CourseConfig("Optimisation 101", "Week 3", "", "dark", java.util.List.of()));
    }

    @Test
    void hiddenPartsAreNotServed() throws Exception {
        write("course.yml", "title: T\nhidden_parts: [for-instructors]\n");
        write("01-basics/01-a.md", lesson("A", ""));
        write("02-for-instructors/01-guide.md", lesson("Guide", ""));
        Course course = new CourseLoader(false).load(root);
        assertThat(course.lessons()).extracting(Lesson::slug).containsExactly("a");
        assertThat(course.parts()).extracting(Part::slug).containsExactly("basics");
    }

    @Test
    void badThemeInCourseConfigIsAnError() throws Exception {
        write("course.yml", "title: T\ntheme: purple\n");
        write("a.md", lesson("A", ""));
        assertThatThrownBy(() -> new CourseLoader(false).load(root))
                .isInstanceOfSatisfying(CourseException.class, e -> assertThat(e.issues())
                        .extracting(ContentIssue::toString)
                        .containsExactly("course.yml:2:1: error: 'theme' must be one of auto, light, dark, not 'purple'"));
    }

    @Test
    void aBadWidgetStopsTheCourseButInDevModeBecomesAnErrorBox() throws Exception {
        write("01-a.md", "---\ntitle: A\n---\nText.\n\n```widget\ntype: descent-2d\nlr: 9\n```\n");
        assertThatThrownBy(() -> new CourseLoader(false).load(root))
                .isInstanceOfSatisfying(CourseException.class, e -> assertThat(e.issues())
                        .extracting(ContentIssue::toString)
                        .containsExactly("01-a.md:8:1: error: widget: 'lr' must be from 0.00001 to 2, not 9"));

        Course dev = new CourseLoader(true).load(root);
        Embed box = dev.lessons().get(0).embeds().get(0);
        assertThat(box.isError()).isTrue();
        assertThat(box.error()).contains("01-a.md:8:1").contains("'lr' must be from");
        assertThat(dev.warnings()).extracting(ContentIssue::line).containsExactly(8);
    }

    @Test
    void readingTimeFromWords() throws Exception {
        write("a.md", "---\ntitle: A\n---\n" + "word ".repeat(450));
        assertThat(new CourseLoader(false).load(root).lessons().get(0).readingMinutes()).isEqualTo(3);
    }
}
