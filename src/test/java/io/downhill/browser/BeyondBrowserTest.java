package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.ServerOptions;
import io.downhill.web.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The rate map, the tuned race and the PyTorch panel in a real browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BeyondBrowserTest {
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() {
        Path course = Path.of("src/test/resources/courses/beyond").toAbsolutePath();
        server = TestServer.start(new ServerOptions("127.0.0.1", 0, course, "/course", false, false));
        driver = Browser.open(1280, 1000);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void desktopWindow() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        Browser.consoleErrors(driver);
    }

    /** Opens the lesson and waits for the widget a test uses, scrolled into view, which starts it at once. */
    private void open(String widget) {
        driver.get(server.url("/lessons/beyond"));
        js("document.getElementById(arguments[0]).scrollIntoView({ block: 'center' })", widget);
        wait.until(d -> "true".equals(d.findElement(By.id(widget)).getAttribute("data-ready")));
        Browser.consoleErrors(driver);
    }

    private Object js(String script, Object... args) {
        return Browser.js(driver, script, args);
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void rateMapClickMovesThePointAndShowsBothRates() {
        open("w1");
        wait.until(d -> text("#w1 [data-readout='measured']").matches("0\\.\\d+.*"));
        // the map opens at the best plain descent for κ = 10: η = 2/11, rate 9/11
        assertThat(text("#w1 [data-readout='predicted']")).startsWith("0.8182");
        assertThat(text("#w1 [data-readout='best']")).isEqualTo("0.519 / 0.818");
        assertThat((Long) js("return document.querySelector('#w1 [data-chart=map]').data[0].z.length")).isEqualTo(41L);

        // click the middle of the map: the ring moves, the sliders follow, and a new measurement arrives
        WebElement map = driver.findElement(By.cssSelector("#w1 [data-chart=map] .nsewdrag"));
        new Actions(driver).moveToElement(map, map.getSize().width / 10, -map.getSize().height / 10).click().perform();
        wait.until(d -> !js("return String(document.getElementById('w1').widget.momentum)").equals("0"));
        double lr = ((Number) js("return document.getElementById('w1').widget.lr")).doubleValue();
        double mu = ((Number) js("return document.getElementById('w1').widget.momentum")).doubleValue();
        assertThat(mu).isBetween(0.4, 0.75);
        assertThat((Double) js("return document.querySelector('#w1 [data-chart=map]').data[4].x[0]")).isEqualTo(lr);
        assertThat(Double.parseDouble(driver.findElement(By.cssSelector("#w1 [data-control='momentum']")).getAttribute("value")))
                .isEqualTo(mu);
        wait.until(d -> text("#w1 [data-readout='measured']").matches("0\\.\\d+.*"));
        double predicted = Double.parseDouble(text("#w1 [data-readout='predicted']").split(" ")[0]);
        double measured = Double.parseDouble(text("#w1 [data-readout='measured']").split(" ")[0]);
        assertThat(measured).isCloseTo(predicted, org.assertj.core.data.Offset.offset(0.02));

        // the keyboard moves the point too
        driver.findElement(By.cssSelector("#w1 [data-control='momentum']")).sendKeys(Keys.ARROW_RIGHT);
        wait.until(d -> ((Number) js("return document.getElementById('w1').widget.momentum")).doubleValue() > mu);

        // the run plays and its distance curve fills in
        driver.findElement(By.cssSelector("#w1 [data-action='play']")).click();
        wait.until(d -> (Long) js("return document.querySelector('#w1 [data-chart=distance]').data[0].x.length") > 50);
        assertThat((Long) js("return document.querySelector('#w1 [data-chart=distance]').data[1].x.length")).isPositive();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        shoot("w1");
    }

    @Test
    void raceTuneSweepsAndRacesAtTheChosenRates() {
        open("w2");
        driver.findElement(By.cssSelector("#w2 [data-action='tune']")).click();
        wait.until(d -> js("return document.getElementById('w2').widget.tuned").equals(true));
        assertThat(driver.findElement(By.cssSelector("#w2 [data-sweep]")).isDisplayed()).isTrue();
        // one curve per optimizer (lines, diverged crosses, best ring), 13 learning rates in each sweep
        long points = (Long) js("const d = document.querySelector('#w2 [data-chart=sweep]').data;"
                + "return d.filter((t) => t.mode === 'lines+markers').reduce((n, t) => n + t.x.length, 0)"
                + " + d.filter((t) => t.name.endsWith('diverged')).reduce((n, t) => n + t.x.length, 0);");
        assertThat(points).isEqualTo(3 * 13);
        // every run of the race uses its optimizer's best lr from the sweep
        @SuppressWarnings("unchecked")
        java.util.List<java.util.Map<String, Object>> rows = (java.util.List<java.util.Map<String, Object>>) js(
                "const w = document.getElementById('w2').widget;"
                + "return w.sweep.curves.map((c, i) => ({best: c.best_lr, run: w.player.runs[i].spec.optimizer.lr,"
                + " name: w.player.runs[i].spec.optimizer.name, optimizer: c.optimizer}));");
        assertThat(rows).hasSize(3);
        for (var row : rows) {
            assertThat(row.get("name")).isEqualTo(row.get("optimizer"));
            assertThat(((Number) row.get("run")).doubleValue()).isEqualTo(((Number) row.get("best")).doubleValue());
        }
        // the table shows the tuned lr and the race plays
        String sgdLr = driver.findElement(By.cssSelector("#w2 [data-board] tbody tr:first-child td.col-lr")).getText();
        assertThat(sgdLr).isNotEqualTo("0.002");
        wait.until(d -> Long.parseLong(text("#w2 [data-readout='t']")) > 20);
        assertThat(driver.getCurrentUrl()).contains("w2.tuned=1");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        shoot("w2");

        // the same button goes back to the lesson's learning rates
        driver.findElement(By.cssSelector("#w2 [data-action='tune']")).click();
        wait.until(d -> js("return document.getElementById('w2').widget.tuned").equals(false));
        assertThat(((Number) js("return document.getElementById('w2').widget.player.runs[0].spec.optimizer.lr")).doubleValue())
                .isEqualTo(0.002);
        assertThat(driver.findElement(By.cssSelector("#w2 [data-sweep]")).isDisplayed()).isFalse();
    }

    @Test
    void pytorchPanelShowsTheRunsScriptAndCopies() {
        open("w3");
        driver.findElement(By.cssSelector("#w3 [data-action='pytorch']")).click();
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("#w3 [data-pytorch]")).getAttribute("data-ready")));
        assertThat(driver.findElement(By.cssSelector("#w3 [data-action='pytorch']")).getAttribute("aria-expanded")).isEqualTo("true");
        String script = text("#w3 [data-pytorch-code]");
        String slider = text("#w3 .control-slider output[for='w3-lr']");
        assertThat(slider).isEqualTo("0.05");
        assertThat(script).contains("opt = torch.optim.SGD([p], lr=" + slider + ", momentum=0.0");
        assertThat(script).contains("def f(p):").contains("#   run_1: loss ");

        // move the slider: the script follows with the slider's new value
        WebElement lr = driver.findElement(By.cssSelector("#w3 [data-control='lr']"));
        lr.sendKeys(Keys.ARROW_RIGHT);
        wait.until(d -> !text("#w3 .control-slider output[for='w3-lr']").equals("0.05"));
        String moved = text("#w3 .control-slider output[for='w3-lr']");
        wait.until(d -> text("#w3 [data-pytorch-code]").contains("lr=" + moved + ","));
        double sliderValue = ((Number) js("return document.getElementById('w3').widget.lr")).doubleValue();
        assertThat(Double.parseDouble(moved)).isEqualTo(sliderValue);

        // copy from the keyboard: the status announces it
        WebElement copy = driver.findElement(By.cssSelector("#w3 [data-action='copy-pytorch']"));
        copy.sendKeys(Keys.ENTER);
        wait.until(d -> text("#w3 [data-copy-status]").equals("Copied"));
        assertThat(driver.findElement(By.cssSelector("#w3 [data-copy-status]")).getAttribute("role")).isEqualTo("status");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
        shoot("w3");
    }

    @Test
    void everyRunWidgetOfTheGuideWritesAScript() {
        try (TestServer bundled = TestServer.start(new ServerOptions("127.0.0.1", 0, null, "", false, false))) {
            driver.get(bundled.url("/lessons/authoring-guide"));
            wait.until(d -> js("return [...document.querySelectorAll('figure[data-widget]')].every((f) => f.dataset.ready === 'true')").equals(true));
            @SuppressWarnings("unchecked")
            java.util.List<String> ids = (java.util.List<String>) js(
                    "return [...document.querySelectorAll('figure[data-widget]')].filter((f) => f.querySelector('[data-action=pytorch]')).map((f) => f.id)");
            @SuppressWarnings("unchecked")
            java.util.List<String> types = (java.util.List<String>) js(
                    "return [...document.querySelectorAll('figure[data-widget]')].filter((f) => f.querySelector('[data-action=pytorch]')).map((f) => f.dataset.widget)");
            assertThat(types).contains("descent-1d", "descent-2d", "lr-compare", "optimizer-race", "batch-noise",
                    "schedule-explorer", "stopping-rules", "landscape-traps", "custom-function", "rate-map");
            for (String id : ids) {
                js("document.querySelector('#' + arguments[0] + ' [data-action=pytorch]').click()", id);
                wait.until(d -> "true".equals(d.findElement(By.cssSelector("#" + id + " [data-pytorch]")).getAttribute("data-ready")));
                String code = (String) js("return document.querySelector('#' + arguments[0] + ' [data-pytorch-code]').textContent", id);
                assertThat(code).as(id).contains("import torch").contains("#   run_1: loss ").doesNotContain("could not write");
            }
            assertThat(Browser.consoleErrors(driver)).isEmpty();
        }
    }

    /** With -Dshots=DIR, screenshots of a widget at 1280 and 390 wide, light and dark. */
    private void shoot(String id) {
        String dir = System.getProperty("shots");
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            for (String theme : new String[] {"light", "dark"}) {
                js("document.documentElement.setAttribute('data-theme', arguments[0]);"
                        + "document.dispatchEvent(new CustomEvent('downhill:theme', {detail: {theme: arguments[0]}}));", theme);
                Thread.sleep(800);
                WebElement figure = driver.findElement(By.id(id));
                js("arguments[0].scrollIntoView()", figure);
                Files.write(Path.of(dir, id + "-1280-" + theme + ".png"), figure.getScreenshotAs(OutputType.BYTES));
            }
            js("document.documentElement.setAttribute('data-theme', 'light');"
                    + "document.dispatchEvent(new CustomEvent('downhill:theme', {detail: {theme: 'light'}}));");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String url = driver.getCurrentUrl();
        ChromeDriver phone = Browser.open(390, 900);
        try {
            phone.get(url);
            new WebDriverWait(phone, Duration.ofSeconds(20)).until(d -> Browser.js(phone,
                    "return document.querySelectorAll('figure[data-widget][data-ready=true]').length").equals(3L));
            for (String theme : new String[] {"light", "dark"}) {
                Browser.js(phone, "document.documentElement.setAttribute('data-theme', arguments[0]);"
                        + "document.dispatchEvent(new CustomEvent('downhill:theme', {detail: {theme: arguments[0]}}));", theme);
                Thread.sleep(1200);
                WebElement figure = phone.findElement(By.id(id));
                Browser.js(phone, "arguments[0].scrollIntoView()", figure);
                Files.write(Path.of(dir, id + "-390-" + theme + ".png"), figure.getScreenshotAs(OutputType.BYTES));
                WebElement lower = phone.findElement(By.cssSelector("#" + id + " .widget-footer"));
                Browser.js(phone, "arguments[0].scrollIntoView()", lower);
                if (Browser.js(phone, "return document.querySelector('#' + arguments[0] + ' [data-pytorch]').hidden", id).equals(true)) {
                    phone.findElement(By.cssSelector("#" + id + " [data-action='pytorch']")).click();
                    Thread.sleep(1500);
                }
                Browser.js(phone, "window.scrollBy(0, -300)");
                Files.write(Path.of(dir, id + "-390-" + theme + "-lower.png"), phone.getScreenshotAs(OutputType.BYTES));
                assertThat((Boolean) Browser.js(phone, "return document.documentElement.scrollWidth <= 390")).isTrue();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            phone.quit();
        }
    }
}
