package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.Assets;
import io.downhill.web.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a lesson costs and how it behaves on a phone: Plotly's 3D bundle and the runs of widgets out
 * of view are not fetched until wanted, charts have no mode bar but a PNG button, charts reflow when
 * the window narrows, touch targets are big enough, and the phone drawer has a backdrop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LightPagesBrowserTest {
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start("/course");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static WebDriverWait waitFor(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static void allWidgetsReady(ChromeDriver driver) {
        waitFor(driver).until(d -> Browser.js(driver,
                "return document.querySelectorAll('figure[data-widget]:not([data-ready=true])').length").equals(0L));
    }

    private static long requests(ChromeDriver driver, String part) {
        return (Long) Browser.js(driver,
                "return performance.getEntriesByType('resource').filter((r) => r.name.includes(arguments[0])).length", part);
    }

    @Test
    void runsStreamOnlyForWidgetsInViewAnd3dLoadsWhenTurnedOn(@TempDir Path downloads) throws Exception {
        ChromeDriver driver = Browser.open(1280, 900, downloads);
        try {
            driver.get(server.url("/lessons/playground"));
            allWidgetsReady(driver);
            Thread.sleep(500);
            long atTop = requests(driver, "/api/runs/stream");
            List<WebElement> figures = driver.findElements(By.cssSelector("figure[data-widget]"));
            WebElement last = figures.get(figures.size() - 1);
            assertThat(last.getLocation().getY()).as("the last widget is far below the first screen").isGreaterThan(2000);
            Browser.js(driver, "arguments[0].scrollIntoView({block: 'center'})", last);
            waitFor(driver).until(d -> requests(driver, "/api/runs/stream") > atTop);
            assertThat(requests(driver, Assets.PLOTLY_CARTESIAN)).isEqualTo(1);
            assertThat(requests(driver, "plotly-gl3d")).as("3D bundle before any 3D view").isZero();
            assertThat(driver.findElements(By.cssSelector(".modebar-btn, .modebar a, .modebar button"))).as("mode bar buttons").isEmpty();

            WebElement figure = driver.findElement(By.cssSelector("figure[data-widget='descent-2d']"));
            Browser.js(driver, "arguments[0].scrollIntoView({block: 'center'})", figure);
            String id = figure.getAttribute("id");
            waitFor(driver).until(d -> !"–".equals(d.findElement(By.cssSelector("#" + id + " [data-readout='loss']")).getText()));

            figure.findElement(By.cssSelector("[data-control='surface']")).click();
            waitFor(driver).until(d -> !figure.findElements(By.cssSelector(".gl-container canvas")).isEmpty());
            assertThat(requests(driver, "plotly-gl3d")).isEqualTo(1);
            assertThat(Browser.js(driver, "return document.querySelectorAll('.js-plotly-plot .contourlayer').length > 0"))
                    .as("the other widgets' 2D charts still draw with the 2D bundle").isEqualTo(true);
            // the widgets out of sight start while the page is idle and the 3D view has its own
            // height: the Play button is found again where it is now, as a reader would
            Browser.js(driver, "arguments[0].scrollIntoView({block: 'center'})", figure.findElement(By.cssSelector("[data-action='play']")));
            figure.findElement(By.cssSelector("[data-action='play']")).click();
            waitFor(driver).until(d -> !"0".equals(figure.findElement(By.cssSelector("[data-readout='t']")).getText()));
            figure.findElement(By.cssSelector("[data-control='surface']")).click();
            waitFor(driver).until(d -> !figure.findElements(By.cssSelector(".contourlayer path")).isEmpty()
                    && figure.findElements(By.cssSelector(".gl-container canvas")).isEmpty());

            WebElement png = figure.findElement(By.cssSelector("[data-action='download-png']"));
            assertThat(png.getAccessibleName()).contains("PNG");
            png.sendKeys(org.openqa.selenium.Keys.ENTER);
            Path file = downloads.resolve("downhill-descent-2d-" + id + ".png");
            waitFor(driver).until(d -> Files.exists(file));
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes.length).isGreaterThan(10_000);
            assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
            assertThat(Browser.consoleErrors(driver)).isEmpty();
        } finally {
            driver.quit();
        }
    }

    @Test
    void widgetsOutOfSightWaitToStartWhileTheReaderIsUsingTheCourse() throws Exception {
        ChromeDriver driver = Browser.open(1280, 900);
        try {
            driver.get(server.url("/lessons/playground"));
            // a reader typing: a key every 400 ms for the first 6.5 s, past the 3 s after load when
            // the widgets out of sight would start by themselves
            Browser.js(driver, "window.reading = setInterval(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' })), 400)");
            String farBelow = "return [...document.querySelectorAll('figure[data-widget]')]"
                    + ".filter((f) => f.getBoundingClientRect().top > 2 * innerHeight)";
            assertThat((Long) Browser.js(driver, farBelow + ".length")).as("widgets far below the first screen").isPositive();
            Thread.sleep(6500);
            assertThat((Long) Browser.js(driver, farBelow + ".filter((f) => f.dataset.ready === 'true').length"))
                    .as("widgets started out of sight while the reader was busy").isZero();
            Browser.js(driver, "clearInterval(window.reading)");
            allWidgetsReady(driver);
            assertThat(Browser.consoleErrors(driver)).isEmpty();
        } finally {
            driver.quit();
        }
    }

    @Test
    void aReloadTakesUnchangedRunsFromTheBrowserCache() throws Exception {
        ChromeDriver driver = Browser.open(1280, 900);
        try {
            driver.get(server.url("/lessons/what-gradient-descent-does"));
            allWidgetsReady(driver);
            WebElement figure = driver.findElement(By.cssSelector("figure[data-widget]"));
            Browser.js(driver, "arguments[0].scrollIntoView({block: 'center'})", figure);
            waitFor(driver).until(d -> requests(driver, "/api/runs/stream") >= 1);
            Thread.sleep(500);
            driver.navigate().refresh();
            allWidgetsReady(driver);
            Browser.js(driver, "arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.cssSelector("figure[data-widget]")));
            waitFor(driver).until(d -> requests(driver, "/api/runs/stream") >= 1);
            Thread.sleep(500);
            @SuppressWarnings("unchecked")
            List<Long> sizes = (List<Long>) Browser.js(driver, "return performance.getEntriesByType('resource')"
                    + ".filter((r) => r.name.includes('/api/runs/stream')).map((r) => r.transferSize)");
            assertThat(sizes).isNotEmpty().allSatisfy(size -> assertThat(size).as("bytes fetched again").isZero());
        } finally {
            driver.quit();
        }
    }

    private static final String OVERFLOW = """
            const width = document.documentElement.clientWidth;
            // inside a box that scrolls or clips sideways (code, wide maths, a chart) is not page overflow
            const clipped = (el) => {
              for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') return p.getBoundingClientRect().right <= width + 1;
              }
              return false;
            };
            const wide = [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > width + 1
                && getComputedStyle(el).position !== 'fixed' && !el.closest('.sr-only, .katex-mathml') && !clipped(el))
              .map((el) => el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right));
            return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
            """;

    @Test
    void chartsReflowWhenTheWindowNarrowsToAPhone() throws Exception {
        ChromeDriver driver = Browser.open(1280, 900);
        try {
            for (String lesson : List.of("/lessons/what-gradient-descent-does", "/lessons/playground",
                    "/lessons/gradients-in-deep-networks")) {
                driver.manage().window().setSize(new Dimension(1280, 900));
                driver.get(server.url(lesson));
                Browser.startWidgets(driver);
                allWidgetsReady(driver);
                driver.manage().window().setSize(new Dimension(390, 844));
                waitFor(driver).until(d -> ((Number) Browser.js(driver, "return document.documentElement.clientWidth")).intValue() < 420);
                Thread.sleep(400);
                Map<?, ?> after = (Map<?, ?>) Browser.js(driver, OVERFLOW);
                assertThat(((Number) after.get("scroll")).intValue()).as(lesson + " overflows: " + after.get("wide"))
                        .isLessThanOrEqualTo(((Number) after.get("width")).intValue());
                assertThat((List<?>) after.get("wide")).as(lesson).isEmpty();
            }
        } finally {
            driver.quit();
        }
    }

    private static final String SMALL_TARGETS = """
            const small = [];
            for (const el of document.querySelectorAll('button, select, input[type=range], input[type=checkbox], .menu-button, .brand')) {
              const box = el.getBoundingClientRect();
              if (box.width === 0 || el.closest('[hidden]') || getComputedStyle(el).visibility === 'hidden') continue;
              const target = el.type === 'checkbox' ? el.closest('.control-toggle') ?? el : el;
              const t = target.getBoundingClientRect();
              if (t.height < 44 || t.width < 44) small.push((el.dataset.action || el.dataset.control || el.className || el.tagName) + ' ' + Math.round(t.width) + 'x' + Math.round(t.height));
            }
            return small;
            """;

    @Test
    void onAPhoneTouchTargetsAreBigCodeWrapsAndTheDrawerHasABackdrop() {
        ChromeDriver driver = Browser.open(390, 844);
        try {
            for (String lesson : List.of("/lessons/gradients-in-deep-networks", "/lessons/playground")) {
                driver.get(server.url(lesson));
                Browser.startWidgets(driver);
                allWidgetsReady(driver);
                assertThat(Browser.js(driver, SMALL_TARGETS)).as(lesson + " touch targets under 44 px").isEqualTo(List.of());
                Map<?, ?> overflow = (Map<?, ?>) Browser.js(driver, OVERFLOW);
                assertThat((List<?>) overflow.get("wide")).as(lesson).isEmpty();
            }
            WebElement menu = driver.findElement(By.cssSelector(".menu-button"));
            assertThat(menu.getAccessibleName()).isEqualTo("Lessons");
            assertThat(driver.findElement(By.cssSelector(".brand")).getAccessibleName()).isNotBlank();
            menu.click();
            WebElement backdrop = driver.findElement(By.cssSelector(".drawer-backdrop"));
            waitFor(driver).until(d -> backdrop.isDisplayed());
            assertThat(driver.findElement(By.id("sidebar")).isDisplayed()).isTrue();
            new org.openqa.selenium.interactions.Actions(driver).moveToLocation(370, 400).click().perform();
            waitFor(driver).until(d -> !d.findElement(By.id("sidebar")).isDisplayed() && !backdrop.isDisplayed());
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
        } finally {
            driver.quit();
        }
    }
}
