package io.downhill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar downhill.jar").contains("--base-path");
    }

    @Test
    void badFlagExitsWithTwoAndSaysWhy() {
        assertThat(run("serve", "--nope")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--nope'").contains("--help");
    }

    @Test
    void badPortAndMissingValueExitWithTwo() {
        assertThat(run("--port", "http")).isEqualTo(2);
        assertThat(run("--port")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--port must be a number from 0 to 65535, got 'http'")
                .contains("option --port needs a value");
    }

    @Test
    void unknownCommandExitsWithTwo() {
        assertThat(run("deploy")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'deploy'");
    }

    @Test
    void missingContentFolderExitsWithTwo() {
        assertThat(run("--content", "/no/such/folder")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--content: no such folder");
    }

    @Test
    void brokenCourseRefusesToStartAndListsErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01-a.md"), "---\ntitle: [broken\n---\n");
        assertThat(run("--content", dir.toString(), "--port", "0")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the course has errors")
                .contains("01-a.md:");
    }
}
