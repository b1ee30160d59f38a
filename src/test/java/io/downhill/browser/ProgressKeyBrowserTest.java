package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.ServerOptions;
import io.downhill.web.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Two courses on one host (under different base paths) keep their progress ticks apart. */
class ProgressKeyBrowserTest {

    @Test
    void progressIsKeptPerBasePath() {
        ChromeDriver driver = null;
        try (TestServer course = TestServer.start(new ServerOptions("127.0.0.1", 0, null, "/course", false, false))) {
            driver = Browser.open(1000, 800);
            driver.get(course.url("/lessons/the-learning-rate"));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                    Browser.js((ChromeDriver) d, "return localStorage.getItem('downhill-progress:/course')") != null);
            assertThat((String) Browser.js(driver, "return localStorage.getItem('downhill-progress:/course')"))
                    .contains("\"the-learning-rate\":true");
            assertThat(Browser.js(driver, "return localStorage.getItem('downhill-progress')")).isNull();

            // the course's own index reads the same key back; a course at the root would read 'downhill-progress'
            driver.get(course.root() + "/course/");
            assertThat(Browser.js(driver, "return document.querySelectorAll('a[data-lesson].is-visited').length"))
                    .isNotEqualTo(0L);
            assertThat(Browser.js(driver, "return localStorage.getItem('downhill-progress')")).isNull();
        } finally {
            if (driver != null) {
                driver.quit();
            }
        }
    }
}
