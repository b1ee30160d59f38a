package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.ServerOptions;
import io.downhill.web.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Author mode: saving a lesson refreshes the open page by itself, under a base path too. */
class DevReloadBrowserTest {

    /**
     * Five saves to a lesson with maths and widgets in a copy of the whole bundled course: the
     * open page shows each edit within a second (the median; every figure is printed). Each time
     * runs from the save to the edited title on the page.
     */
    @Test
    void savingALessonRefreshesTheOpenPageWithinASecond(@TempDir Path content) throws Exception {
        Path bundled = Path.of("content");
        try (var files = Files.walk(bundled)) {
            for (Path from : files.toList()) {
                Path to = content.resolve(bundled.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path lesson = content.resolve("01-foundations/02-the-learning-rate.md");
        String original = Files.readString(lesson);
        ServerOptions options = new ServerOptions("127.0.0.1", 0, content, "/course", true, false);
        ChromeDriver driver = null;
        try (TestServer server = TestServer.start(options)) {
            // the clock stops when the edited title is on the page, not when the charts have loaded
            driver = Browser.openWithoutWaitingForLoad(1000, 800);
            // every new document notes the wall-clock time of the first frame that has its title
            // in it, so busy page scripts (the charts) do not delay the measurement
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                    new MutationObserver((changes, observer) => {
                      if (!document.querySelector('h1')) return;
                      observer.disconnect();
                      requestAnimationFrame(() => { window.titleShownAt = Date.now(); });
                    }).observe(document, { childList: true, subtree: true });"""));
            driver.get(server.url("/lessons/the-learning-rate"));
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(Browser.js((ChromeDriver) d, "return document.readyState")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("The learning rate");
            assertThat(driver.findElements(By.cssSelector("figure[data-widget]"))).isNotEmpty();
            List<Long> millis = new ArrayList<>();
            for (int edit = 1; edit <= 5; edit++) {
                // wait until this page's reload channel is open before editing
                new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20))
                        .ignoring(org.openqa.selenium.WebDriverException.class)
                        .until(d -> "listening".equals(Browser.js((ChromeDriver) d, "return document.body.dataset.devReload")));
                String title = "The learning rate, edit " + edit;
                Files.writeString(lesson, original.replaceFirst("title: The learning rate", "title: " + title));
                long saved = System.currentTimeMillis();
                new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(10))
                        .ignoring(org.openqa.selenium.WebDriverException.class)
                        .until(d -> title.equals(Browser.js((ChromeDriver) d, "return document.querySelector('h1')?.textContent"))
                                && Browser.js((ChromeDriver) d, "return window.titleShownAt") != null);
                long shown = ((Number) Browser.js(driver, "return window.titleShownAt")).longValue();
                millis.add(shown - saved);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            long median = sorted.get(sorted.size() / 2);
            System.out.printf("dev reload: the page showed each edit %s ms after the save (median %d ms)%n", millis, median);
            assertThat(median).as("median save-to-refresh time, ms").isLessThanOrEqualTo(1000);
        } finally {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    @Test
    void aBrokenEditShowsItsErrorsOnThePage(@TempDir Path content) throws Exception {
        Path lesson = content.resolve("01-first.md");
        Files.writeString(lesson, "---\ntitle: First\n---\nOriginal words.\n");
        ServerOptions options = new ServerOptions("127.0.0.1", 0, content, "/course", true, false);
        ChromeDriver driver = null;
        try (TestServer server = TestServer.start(options)) {
            driver = Browser.open(1000, 800);
            driver.get(server.url("/lessons/first"));
            assertThat(driver.findElement(By.cssSelector(".prose")).getText()).isEqualTo("Original words.");
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(20))
                    .until(d -> "listening".equals(Browser.js((ChromeDriver) d, "return document.body.dataset.devReload")));

            // a broken edit shows the error on the page instead of stopping the server
            Files.writeString(lesson, "---\ntitle: [broken\n---\n");
            new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(20))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("The course has errors"));
            assertThat(driver.findElement(By.cssSelector(".issue-list")).getText()).contains("01-first.md:");
        } finally {
            if (driver != null) {
                driver.quit();
            }
        }
    }
}
