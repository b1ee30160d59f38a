package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.ServerOptions;
import io.downhill.web.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Author mode: saving a lesson refreshes the open page by itself, under a base path too. */
class DevReloadBrowserTest {

    @Test
    void editingMarkdownRefreshesTheOpenPageWithinASecond(@TempDir Path content) throws Exception {
        Path lesson = content.resolve("01-first.md");
        Files.writeString(lesson, "---\ntitle: First\n---\nOriginal words.\n");
        ServerOptions options = new ServerOptions("127.0.0.1", 0, content, "/course", true, false);
        ChromeDriver driver = null;
        try (TestServer server = TestServer.start(options)) {
            driver = Browser.open(1000, 800);
            driver.get(server.url("/lessons/first"));
            assertThat(driver.findElement(By.cssSelector(".prose")).getText()).isEqualTo("Original words.");
            // wait until the page's reload channel is open before editing
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> devClients(server) > 0);

            Files.writeString(lesson, "---\ntitle: First, edited\n---\nNew words.\n");
            long start = System.nanoTime();
            new WebDriverWait(driver, Duration.ofSeconds(3), Duration.ofMillis(20))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("First, edited"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(driver.findElement(By.cssSelector(".prose")).getText()).isEqualTo("New words.");
            System.out.printf("dev reload: page showed the edit %d ms after the save%n", millis);

            // a broken edit shows the error on the page instead of stopping the server
            Files.writeString(lesson, "---\ntitle: [broken\n---\n");
            new WebDriverWait(driver, Duration.ofSeconds(3), Duration.ofMillis(20))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("The course has errors"));
            assertThat(driver.findElement(By.cssSelector(".issue-list")).getText()).contains("01-first.md:");
        } finally {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    private static int devClients(TestServer server) {
        return io.downhill.web.DevAccess.clients(server.server());
    }
}
