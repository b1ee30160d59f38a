package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core finds no serious or critical accessibility problem on any page of the bundled course
 * (the index, every lesson, search, print and a missing page), on a desktop and on a phone, in both
 * themes, with the widgets started and the maths rendered. Each page is loaded once: checked at
 * 1280 px in the light and the dark theme (switched with the page's own toggle, as a reader does),
 * then narrowed to a 390 px phone, as a phone turning does, and checked in both themes again. Two
 * browsers share the pages between them.
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

    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

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
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        try (TestServer server = TestServer.start("/course")) {
            List<String> pages = pages(server);
            assertThat(pages).hasSize(4 + 13);
            // the print page, the whole course in one, takes longest: first, so the other browser
            // works through the rest meanwhile
            Queue<String> todo = new ConcurrentLinkedQueue<>(pages.stream()
                    .sorted(Comparator.comparing((String p) -> !p.equals("/print"))).toList());
            List<Future<List<String>>> found = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                found.add(browsers.submit(() -> checkFromQueue(server, todo)));
            }
            for (Future<List<String>> f : found) {
                problems.addAll(f.get());
            }
        } finally {
            browsers.shutdownNow();
        }
        assertThat(problems).isEmpty();
    }

    /** Every page there is to check: the fixed ones and each lesson linked from the index. */
    private static List<String> pages(TestServer server) {
        ChromeDriver driver = Browser.open(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        try {
            driver.get(server.url("/"));
            List<String> pages = new ArrayList<>(List.of("/", "/search?q=momentum", "/print", "/no-such-page"));
            for (WebElement a : driver.findElements(By.cssSelector(".lesson-card a"))) {
                pages.add(a.getAttribute("href").substring(server.url("").length()));
            }
            return pages;
        } finally {
            driver.quit();
        }
    }

    private static List<String> checkFromQueue(TestServer server, Queue<String> todo) {
        List<String> problems = new ArrayList<>();
        ChromeDriver driver = Browser.open(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            driver.get(server.url("/"));
            Browser.js(driver, "localStorage.setItem('downhill-theme', 'light')");
            for (String page = todo.poll(); page != null; page = todo.poll()) {
                problems.addAll(check(driver, server.url(page), page));
            }
        } finally {
            driver.quit();
        }
        return problems;
    }

    /**
     * Loads the page once at desktop width and checks it in the light theme, then in the dark one;
     * narrows it to a phone and checks it in the dark theme, then in the light one (print: light only).
     */
    private static List<String> check(ChromeDriver driver, String url, String page) {
        desktop(driver);
        driver.get(url);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // the widgets out of sight would start by themselves once the page is idle: start them now
        Browser.startWidgets(driver);
        wait.until(d -> Browser.js(driver, """
                return document.querySelectorAll('figure[data-widget]:not([data-ready=true])').length === 0
                  && document.querySelectorAll('.math-inline, .math-display').length
                     === document.querySelectorAll('.math-inline > .katex, .math-display > .katex-display, .math-display > .katex').length
                """).equals(true));
        if (Browser.js(driver, "return typeof window.axe").equals("undefined")) {
            Browser.js(driver, AXE);
        }
        // the print page is for paper and always light; every other page has the toggle
        boolean toggles = !url.endsWith("/print");
        String desktop = DESKTOP_WIDTH + " px, " + page;
        String phone = PHONE_WIDTH + " px, " + page;
        List<String> found = new ArrayList<>(axe(driver, desktop + ", light"));
        if (toggles) {
            switchTheme(driver, wait, "dark");
            found.addAll(axe(driver, desktop + ", dark"));
        }
        phone(driver, wait);
        if (toggles) {
            found.addAll(axe(driver, phone + ", dark"));
            switchTheme(driver, wait, "light");
        }
        found.addAll(axe(driver, phone + ", light"));
        return found;
    }

    private static void switchTheme(ChromeDriver driver, WebDriverWait wait, String theme) {
        Browser.js(driver, "document.querySelector('.theme-toggle').click()");
        wait.until(d -> theme.equals(Browser.js(driver, "return document.documentElement.dataset.theme")));
        // the next page opens in the light theme again
        Browser.js(driver, "localStorage.setItem('downhill-theme', 'light')");
    }

    private static void desktop(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
    }

    /**
     * Narrows the open page to a phone's screen (as the phone emulation of {@link Browser#open} does
     * at load) and waits until it has settled: every chart redrawn to its narrower box and the
     * sideways-scrolling blocks marked again (the page does that 150 ms after a resize).
     */
    private static void phone(ChromeDriver driver, WebDriverWait wait) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 1));
        wait.until(d -> Browser.js(driver, "return window.innerWidth").equals((long) PHONE_WIDTH));
        wait.until(d -> Browser.js(driver, """
                return [...document.querySelectorAll('.js-plotly-plot')].filter((el) => el._fullLayout && el.clientWidth > 0)
                  .every((el) => el._fullLayout.width <= el.clientWidth + 1)
                """).equals(true));
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done())), 400)");
    }

    private static List<String> axe(ChromeDriver driver, String where) {
        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(RUN);
        System.out.printf("axe %5d ms  %s%n", (System.nanoTime() - start) / 1_000_000, where);
        return found.stream().map(v -> where + ": " + v).toList();
    }
}
