package io.downhill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on a course with one of each mistake, and on a clean one. */
class CheckTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void write(Path root, String file, String text) throws Exception {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void theBundledCourseIsClean() {
        assertThat(check("check")).isZero();
        assertThat(output()).contains("course OK: 13 lessons, 0 warning(s)");
    }

    @Test
    void everyKindOfMistakeIsReportedAtItsLine(@TempDir Path root) throws Exception {
        write(root, "img/ok.png", "png");
        write(root, "01-first.md", String.join("\n",
                "---",                                             // 1
                "title: First",                                    // 2
                "descripton: typo",                                // 3  unknown key, warning
                "---",                                             // 4
                "## Top",                                          // 5
                "",                                                // 6
                "See [the second](second#details) and [nowhere](nowhere).", // 7  missing anchor and page
                "",                                                // 8
                "![fine](img/ok.png) ![gone](img/missing.png)",     // 9  missing image
                "",                                                // 10
                "Unclosed $x + y maths.",                           // 11 unbalanced $
                "",                                                // 12
                "```widget",                                       // 13
                "type: descent-2d",                                // 14
                "problem: bowl",                                   // 15
                "lr: 7",                                           // 16 out of range
                "```",                                             // 17
                "",                                                // 18
                "```widget",                                       // 19
                "type: descent-3d",                                // 20 unknown type
                "```",                                             // 21
                "",                                                // 22
                "```quiz",                                         // 23
                "question: Which?",                                // 24
                "choices: [a, b]",                                 // 25
                "answer: 3",                                       // 26 out of range
                "explanation: Because.",                           // 27
                "```",                                             // 28
                ""));
        write(root, "02-second.md", "---\ntitle: Second\n---\n## Other\n\ntext\n");
        write(root, "part/02-second.md", "---\ntitle: Duplicate\n---\ntext\n");
        write(root, "03-no-title.md", "---\norder: 3\n---\ntext\n");

        assertThat(check("check", "--content", root.toString())).isEqualTo(1);
        assertThat(output()).contains(
                "01-first.md:3:1: error: unknown front matter key 'descripton' (did you mean 'description'?)",
                "01-first.md:7:5: error: lesson 'second' has no heading '#details'",
                "01-first.md:7:38: error: link to a lesson that does not exist: 'nowhere'",
                "01-first.md:9:21: error: image 'img/missing.png' is not in the content folder",
                "01-first.md:11:10: error: maths not closed",
                "01-first.md:16:1: error: widget: 'lr' must be from",
                "01-first.md:20:1: error: widget: 'type' must be one of descent-1d, descent-2d, lr-compare, optimizer-race, schedule-explorer, stopping-rules, batch-noise, custom-function, gradient-lab, landscape-traps, deep-gradients, rate-map, not 'descent-3d'",
                "01-first.md:26:1: error: quiz: 'answer' must be from 1 to 2, not 3",
                "part/02-second.md:1:1: error: duplicate slug 'second'",
                "03-no-title.md:1:1: error: front matter needs a 'title' (or the body a '# Title' heading)");
    }

    @Test
    void jsonFormatForTools(@TempDir Path root) throws Exception {
        write(root, "a.md", "---\ntitle: A\n---\n[broken](missing)\n");
        assertThat(check("check", "--content", root.toString(), "--format", "json")).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(output());
        assertThat(report.get("errors").asInt()).isEqualTo(1);
        JsonNode issue = report.get("issues").get(0);
        assertThat(issue.get("file").asText()).isEqualTo("a.md");
        assertThat(issue.get("line").asInt()).isEqualTo(4);
        assertThat(issue.get("severity").asText()).isEqualTo("error");
    }

    @Test
    void aCleanCourseExitsZero(@TempDir Path root) throws Exception {
        write(root, "01-a.md", "---\ntitle: A\n---\n## Part one\n\nSee [b](02-b.md#part-two) and $5 and $10.\n");
        write(root, "02-b.md", "---\ntitle: B\n---\n## Part two\n\nBack to [a](a).\n");
        assertThat(check("check", "--content", root.toString())).isZero();
        assertThat(output()).contains("course OK: 2 lessons, 0 warning(s)");
    }

    /** Scripts, event handlers and script URLs are removed when served; check says so, as warnings, at their lines. */
    @Test
    void checkWarnsAtTheLineOfEachRemovedPiece(@TempDir Path root) throws Exception {
        int code = check("check", "--content", io.downhill.web.ContentSanitisingTest.course(root).toString());
        String report = output();
        assertThat(code).as(report).isZero();
        java.util.List<String> expected = java.util.List.of(
                "01-hostile.md:6:1: warning: raw <script> is removed",
                "01-hostile.md:8:1: warning: 'onerror' attribute on <img> is removed",
                "01-hostile.md:10:8: warning: 'onclick' attribute on <span> is removed",
                "01-hostile.md:10:54: warning: script URL in href=\"…\" on <a> is removed",
                "01-hostile.md:12:1: warning: script URL in link is removed",
                "01-hostile.md:12:30: warning: script URL in link is removed",
                "01-hostile.md:12:64: warning: script URL in link is removed",
                "01-hostile.md:14:1: warning: script URL in link is removed",
                "01-hostile.md:14:37: warning: script URL in link is removed",
                "01-hostile.md:14:73: warning: script URL in href",
                "01-hostile.md:16:1: warning: script URL in href",
                "01-hostile.md:16:47: warning: script URL in href",
                "01-hostile.md:16:88: warning: script URL in href",
                "01-hostile.md:18:1: warning: raw <iframe> is removed",
                "01-hostile.md:18:44: warning: raw <style> is removed",
                "01-hostile.md:20:1: warning: raw <svg> is removed",
                "01-hostile.md:20:1: warning: 'onload' attribute on <svg> is removed",
                "01-hostile.md:29:1: warning: quiz: raw <script> is removed",
                "01-hostile.md:30:1: warning: quiz: 'onerror' attribute on <img> is removed",
                "01-hostile.md:32:1: warning: quiz: script URL in href");
        for (String line : expected) {
            assertThat(report).as(report).contains(line);
        }
    }

    @Test
    void jsonFormatKeepsItsFieldsForEditors(@TempDir Path root) throws Exception {
        write(root, "a.md", "---\ntitle: A\n---\n> [!WARN]\n> x\n");
        assertThat(check("check", "--content", root.toString(), "--format", "json")).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(output());
        assertThat(report.fieldNames()).toIterable().containsExactly("errors", "warnings", "issues");
        JsonNode issue = report.get("issues").get(0);
        assertThat(issue.fieldNames()).toIterable().containsExactlyInAnyOrder("file", "line", "column", "severity", "message");
        assertThat(issue.get("line").asInt()).isEqualTo(4);
        assertThat(issue.get("column").asInt()).isEqualTo(3);
    }

    @Test
    void watchChecksAgainOnEverySave(@TempDir Path root) throws Exception {
        write(root, "a.md", "---\ntitle: A\n---\nLet $x be.\n");
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread watcher = new Thread(() -> status.set(check("check", "--content", root.toString(), "--watch")));
        watcher.start();
        try {
            awaitOutput("watching ", 1);
            assertThat(output()).contains("a.md:4:5: error: maths not closed", "1 error(s)");
            write(root, "a.md", "---\ntitle: A\n---\nLet $x$ be.\n");
            awaitOutput("watching ", 2);
            assertThat(output().substring(output().indexOf("-- "))).contains("course OK: 1 lessons");
            write(root, "sub/b.md", "# B\n\n[gone](nowhere)\n");
            awaitOutput("watching ", 3);
            assertThat(output().substring(output().lastIndexOf("-- "))).contains("sub/b.md:3:1: error: link to a lesson that does not exist: 'nowhere'");
        } finally {
            watcher.interrupt();
            watcher.join(5000);
        }
        assertThat(watcher.isAlive()).isFalse();
        assertThat(status.get()).isEqualTo(1);
    }

    private void awaitOutput(String marker, int times) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (output().split(java.util.regex.Pattern.quote(marker), -1).length - 1 < times) {
            assertThat(System.nanoTime()).as("waiting for check to run " + times + " time(s)").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void newWritesACourseThatPassesCheck(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("course");
        assertThat(check("new", dir.toString())).isZero();
        assertThat(output()).contains("Wrote a new course to", "01-getting-started/01-first-lesson.md");
        out.reset();
        assertThat(check("check", "--content", dir.toString())).isZero();
        assertThat(output()).contains("course OK: 1 lessons, 0 warning(s)");
        String lesson = Files.readString(dir.resolve("01-getting-started/01-first-lesson.md"));
        assertThat(lesson).contains("$$", "> [!TIP]", "```widget", "```quiz");
        assertThat(check("new", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not an empty folder");
    }
}
