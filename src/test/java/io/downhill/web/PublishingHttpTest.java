package io.downhill.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served course (not dev mode) publishes content edits without a restart: a valid edit replaces
 * the course at once, a broken one is logged and the last good course stays up.
 */
class PublishingHttpTest {

    @Test
    void editsArePublishedAndABrokenEditKeepsTheLastGoodCourse(@TempDir Path content) throws Exception {
        Path lesson = content.resolve("01-first.md");
        Files.writeString(lesson, "---\ntitle: First\n---\nOriginal words.\n");
        try (TestServer server = TestServer.start(new ServerOptions("127.0.0.1", 0, content, "/course", false, false))) {
            assertThat(server.get("/lessons/first").body()).contains("Original words.");

            Files.writeString(lesson, "---\ntitle: First\n---\nNew words.\n");
            Files.writeString(content.resolve("02-second.md"), "# Second\n\nAdded while serving.\n");
            awaitTrue(() -> server.get("/lessons/first").body().contains("New words."));
            awaitTrue(() -> server.get("/lessons/second").statusCode() == 200);
            assertThat(server.get("/").body()).contains("Second");

            Files.writeString(lesson, "---\ntitle: [broken\n---\nBroken words.\n");
            awaitTrue(() -> !server.server().contentErrors().isEmpty());
            assertThat(server.server().contentErrors()).extracting(Object::toString)
                    .anyMatch(s -> s.startsWith("01-first.md:2:"));
            var page = server.get("/lessons/first");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("New words.").doesNotContain("Broken words.").doesNotContain("errors");
            assertThat(server.get("/healthz").body()).isEqualTo("ok");

            Files.writeString(lesson, "---\ntitle: First\n---\nFixed words.\n");
            awaitTrue(() -> server.get("/lessons/first").body().contains("Fixed words."));
            assertThat(server.server().contentErrors()).isEmpty();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s for the edit to be published").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
