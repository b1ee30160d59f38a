package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core finds no serious or critical accessibility problem on any page of the bundled course
 * (the index, every lesson, search, print and a missing page), on a desktop and on a phone, in both
 * themes, with the widgets started and the maths rendered. One browser per width and one page load
 * per page keep it quick: the second theme is switched with the page's own toggle, as a reader does.
 */
class AccessibilityBrowserTest {
    private static final String AXE = axeSource();

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            // chart drawings are thousands of SVG paths with no text: leave their insides out (their
            // containers, names and anything focusable around them are still checked)
            axe.run({ exclude: [['.js-plotly-plot .svg-container'], ['.js-plotly-plot .gl-container']] },
                    { resultTypes: ['violations'], iframes: false })
              .then((r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' -> '
                  + v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' (' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160) + ')').join(' | '))))
              .catch((e) => done(['axe failed: ' + e]));
            """;

    private static String axeSource() {
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe/axe.min.js is missing from the test resources", e);
        }
    }

    @Test
    void noSeriousOrCriticalViolationsOnAnyPageAtAnyWidthInEitherTheme() throws Exception {
        List<String> problems = new ArrayList<>();
        java.util.concurrent.ExecutorService widths = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (TestServer server = TestServer.start("/course")) {
            // the desktop and the phone each in a browser of their own, side by side
            var desktop = widths.submit(() -> checkAll(server, 1280, 900));
            var phone = widths.submit(() -> checkAll(server, 390, 844));
            problems.addAll(desktop.get());
            problems.addAll(phone.get());
        } finally {
            widths.shutdownNow();
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> checkAll(TestServer server, int width, int height) {
        List<String> problems = new ArrayList<>();
        ChromeDriver driver = Browser.open(width, height);
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            driver.get(server.url("/"));
            List<String> pages = new ArrayList<>(List.of("/", "/search?q=momentum", "/print", "/no-such-page"));
            for (WebElement a : driver.findElements(By.cssSelector(".lesson-card a"))) {
                pages.add(a.getAttribute("href").substring(server.url("").length()));
            }
            assertThat(pages).hasSize(4 + 13);
            Browser.js(driver, "localStorage.setItem('downhill-theme', 'light')");
            for (String page : pages) {
                problems.addAll(check(driver, server.url(page), width + " px, " + page));
            }
        } finally {
            driver.quit();
        }
        return problems;
    }

    /** Loads the page once and checks it in the light theme, then in the dark one (print: light only). */
    private static List<String> check(ChromeDriver driver, String url, String where) {
        driver.get(url);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> Browser.js(driver, """
                return document.querySelectorAll('figure[data-widget]:not([data-ready=true])').length === 0
                  && document.querySelectorAll('.math-inline, .math-display').length
                     === document.querySelectorAll('.math-inline > .katex, .math-display > .katex-display, .math-display > .katex').length
                """).equals(true));
        if (Browser.js(driver, "return typeof window.axe").equals("undefined")) {
            Browser.js(driver, AXE);
        }
        List<String> found = new ArrayList<>(axe(driver, where + ", light"));
        if (!url.endsWith("/print")) {
            // the print page is for paper and always light; every other page has the toggle
            Browser.js(driver, "document.querySelector('.theme-toggle').click()");
            wait.until(d -> "dark".equals(Browser.js(driver, "return document.documentElement.dataset.theme")));
            found.addAll(axe(driver, where + ", dark"));
            Browser.js(driver, "localStorage.setItem('downhill-theme', 'light')");
        }
        return found;
    }

    private static List<String> axe(ChromeDriver driver, String where) {
        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(RUN);
        System.out.printf("axe %5d ms  %s%n", (System.nanoTime() - start) / 1_000_000, where);
        return found.stream().map(v -> where + ": " + v).toList();
    }
}
