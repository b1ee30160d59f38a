package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.ServerOptions;
import io.downhill.web.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a learner sees on the charts: training that forms, the 3D surface, axes that fit, the graph, the PNG. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartsBrowserTest {
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String page = "";

    @BeforeAll
    void start() {
        Path gallery = Path.of("src/test/resources/courses/widgets").toAbsolutePath();
        server = TestServer.start(new ServerOptions("127.0.0.1", 0, gallery, "/course", false, false));
        driver = Browser.open(1280, 1000);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
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

    /** Opens a fixture lesson once; a test that finds it open already goes on from there. */
    private void open(String lesson) {
        if (page.equals(lesson)) {
            return;
        }
        driver.get(server.url("/lessons/" + lesson));
        wait.until(d -> (Boolean) js("return [...document.querySelectorAll('figure[data-widget]')].every((f) => f.dataset.ready === 'true')"));
        page = lesson;
    }

    private Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    private WebElement button(String widget, String action) {
        return driver.findElement(By.cssSelector("#" + widget + " [data-action='" + action + "']"));
    }

    private long lossPoints() {
        return ((Number) js("return document.querySelector('#w1 [data-chart=loss]').data[0].x.length")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void deepTrainingFormsOverTimeCanBeStoppedAndEndsWithEveryStep() {
        open("deep");
        WebElement bar = driver.findElement(By.cssSelector("#w1 [data-progress]"));
        assertThat(bar.getAttribute("aria-label")).isEqualTo("Training progress");
        assertThat(driver.findElement(By.cssSelector("#w1 [data-progress-text]")).getText()).isEqualTo("step 0 of 150");

        // watched from inside the page, every animation frame: the loss points drawn, the words by the bar
        button("w1", "train").click();
        Map<String, Object> seen = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const chart = document.querySelector('#w1 [data-chart=loss]');
                const text = document.querySelector('#w1 [data-progress-text]');
                let first = null, middle = null;
                const look = () => {
                  const k = chart.data?.[0]?.x.length ?? 0;
                  if (k > 0 && first === null) first = performance.now();
                  if (k > 0 && k < 150 && middle === null) middle = { k, text: text.textContent, last: chart.data[0].x[k - 1] };
                  if (k === 150) done({ middle, took: performance.now() - first });
                  else requestAnimationFrame(look);
                };
                look();
                """);
        Map<String, Object> middle = (Map<String, Object>) seen.get("middle");
        assertThat(middle).as("a moment with some of the steps drawn").isNotNull();
        assertThat(middle.get("text")).isEqualTo("step " + middle.get("last") + " of 150");
        // drawn over time, not in one go as the steps arrive
        assertThat(((Number) seen.get("took")).doubleValue()).isGreaterThan(1500);
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-summary]")).getText().startsWith("After 150 steps"));
        assertThat(driver.findElement(By.cssSelector("#w1 [data-progress-text]")).getText()).isEqualTo("step 150 of 150");
        assertThat(bar.getAttribute("value")).isEqualTo("1");
        assertThat(button("w1", "stop").isDisplayed()).isFalse();

        // Stop, pressed while the steps are being drawn, leaves the picture where it is
        button("w1", "train").click();
        // pressed from inside the page as soon as 20 steps are drawn: a round trip from here may take
        // longer than the drawing on a busy machine
        Object visible = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const chart = document.querySelector('#w1 [data-chart=loss]');
                const stop = document.querySelector('#w1 [data-action=stop]');
                const look = () => {
                  const k = chart.data[0].x.length;
                  if (k > 20 && k < 150) { const shown = stop.offsetWidth > 0 && stop.offsetHeight > 0; stop.click(); done(shown); }
                  else requestAnimationFrame(look);
                };
                requestAnimationFrame(look);
                """);
        assertThat(visible).as("Stop is on screen while the steps are drawn").isEqualTo(true);
        long stopped = lossPoints();
        sleep(500);
        assertThat(lossPoints()).isEqualTo(stopped).isLessThan(150);
        assertThat(driver.findElement(By.cssSelector("#w1 [data-progress-text]")).getText()).isEqualTo(
                "step " + js("const x = document.querySelector('#w1 [data-chart=loss]').data[0].x; return x[x.length - 1]") + " of 150");
        assertThat(button("w1", "stop").isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("#w1 [data-summary]")).getText()).isEqualTo("Stopped.");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSurfaceHasTheMapsColoursThePathAboveItAndTheMinimaMarked() {
        open("gallery");
        driver.findElement(By.cssSelector("#w2 [data-control='surface']")).click();
        wait.until(d -> "surface".equals(js("return document.querySelector('#w2 [data-chart=contour]').data?.[0]?.type")));
        button("w2", "play").click();
        wait.until(d -> ((Number) js("return document.querySelector('#w2 [data-chart=contour]').data[1].x.length")).intValue() > 30);
        button("w2", "play").click();
        Map<String, Object> seen = (Map<String, Object>) js("""
                const data = document.querySelector('#w2 [data-chart=contour]').data;
                const [surface, path] = data;
                // the surface's height under (x, y), between its grid points as the mesh is drawn
                const cell = (axis, v) => {
                  const n = axis.length - 1, f = ((v - axis[0]) / (axis[n] - axis[0])) * n;
                  const i = Math.max(0, Math.min(n - 1, Math.floor(f)));
                  return [i, Math.max(0, Math.min(1, f - i))];
                };
                const under = (x, y) => {
                  const [i, u] = cell(surface.x, x), [j, v] = cell(surface.y, y), z = surface.z;
                  return (1 - v) * ((1 - u) * z[j][i] + u * z[j][i + 1]) + v * ((1 - u) * z[j + 1][i] + u * z[j + 1][i + 1]);
                };
                let below = 0;
                for (let k = 0; k < path.x.length; k++) if (!(path.z[k] > under(path.x[k], path.y[k]))) below++;
                const minima = data.find((t) => t.type === 'scatter3d' && t.name === 'minimum');
                return {
                  surface: JSON.stringify(surface.colorscale),
                  contour: JSON.stringify(document.querySelector('#w4 [data-chart=contour]').data[0].colorscale),
                  points: path.x.length, below, markers: String(path.mode), minima: minima ? minima.x.length : 0,
                };
                """);
        assertThat(seen.get("surface")).isEqualTo(seen.get("contour"));
        assertThat(((Number) seen.get("points")).intValue()).isGreaterThan(30);
        assertThat(seen.get("below")).as("path points on or under the surface").isEqualTo(0L);
        assertThat((String) seen.get("markers")).contains("markers");
        // Rosenbrock has one minimum, at (1, 1)
        assertThat(seen.get("minima")).isEqualTo(1L);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void lossAgainstEpochsFitsItsAxisToTheRuns() {
        open("batches");
        WebElement epochs = driver.findElement(By.cssSelector("#w1 [data-control='epochs']"));
        if (!epochs.isSelected()) {
            epochs.click();
        }
        wait.until(d -> "epoch (passes over the data)".equals(js("return document.querySelector('#w1 [data-chart=loss]').layout.xaxis.title.text")));
        button("w1", "play").click();
        wait.until(d -> button("w1", "play").getText().contains("Replay"));
        List<Number> seen = (List<Number>) js("""
                const el = document.querySelector('#w1 [data-chart=loss]');
                const xs = el.data.flatMap((t) => [...t.x]);
                return [..._range(el), Math.max(...xs), Math.min(...xs)];
                function _range(chart) { return chart._fullLayout.xaxis.range; }
                """);
        double from = seen.get(0).doubleValue();
        double to = seen.get(1).doubleValue();
        double largest = seen.get(2).doubleValue();
        // the full batch makes one pass per step: 120 steps are 120 epochs, the other runs far fewer
        assertThat(largest).isEqualTo(120.0);
        assertThat(seen.get(3).doubleValue()).isZero();
        assertThat(from).isLessThanOrEqualTo(0.0);
        assertThat(to).isGreaterThanOrEqualTo(largest);
        assertThat(to - from).isLessThanOrEqualTo(1.1 * largest);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGradientGraphHasArrowsThatGoAroundOtherBoxesAndPlainLabels() {
        open("gradients");
        WebElement input = driver.findElement(By.cssSelector("#w1 [data-control='expression']"));
        input.clear();
        // constants and x feed nodes several columns to their right
        input.sendKeys("x*x + exp(y)*x + 3*sin(x*y) - log(1 + x^2)", org.openqa.selenium.Keys.ENTER);
        wait.until(d -> ((Number) js("return document.getElementById('w1').widget.local.lab?.graph.length ?? 0")).intValue() > 10
                && ((Number) js("return document.querySelectorAll('#w1 [data-graph] g.node').length")).intValue()
                    == ((Number) js("return document.getElementById('w1').widget.local.lab.graph.length")).intValue());
        Map<String, Object> seen = (Map<String, Object>) js("""
                const graph = document.querySelector('#w1 [data-graph]');
                const nodes = document.getElementById('w1').widget.local.lab.graph;
                const edges = nodes.reduce((n, node) => n + node.inputs.length, 0);
                // every box in the picture's own coordinates, from its translate() and its rect
                const boxes = new Map([...graph.querySelectorAll('g.node')].map((g) => {
                  const [x, y] = g.getAttribute('transform').match(/[-\\d.]+/g).map(Number);
                  const r = g.querySelector('rect');
                  return [Number(g.dataset.node), { x, y, w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) }];
                }));
                const radius = 3;
                const near = (px, py, b) => px > b.x - radius && px < b.x + b.w + radius && py > b.y - radius && py < b.y + b.h + radius;
                const through = [];
                for (const g of graph.querySelectorAll('g.edge')) {
                  const from = Number(g.dataset.from), to = Number(g.dataset.to);
                  const pts = g.querySelector('polyline').getAttribute('points').trim().split(/\\s+/).map((p) => p.split(',').map(Number));
                  for (let k = 1; k < pts.length; k++) {
                    const [[x0, y0], [x1, y1]] = [pts[k - 1], pts[k]];
                    const n = Math.ceil(Math.hypot(x1 - x0, y1 - y0));
                    for (let s = 0; s <= n; s++) {
                      const [px, py] = [x0 + ((x1 - x0) * s) / n, y0 + ((y1 - y0) * s) / n];
                      for (const [id, b] of boxes) if (id !== from && id !== to && near(px, py, b)) through.push(`${from}->${to} at ${id}`);
                    }
                  }
                }
                return {
                  edges, drawn: graph.querySelectorAll('g.edge').length, arrowheads: graph.querySelectorAll('.arrowhead').length,
                  through: [...new Set(through)], text: document.getElementById('w1').textContent,
                };
                """);
        assertThat(((Number) seen.get("edges")).intValue()).isGreaterThan(12);
        assertThat(seen.get("drawn")).isEqualTo(seen.get("edges"));
        assertThat(seen.get("arrowheads")).isEqualTo(seen.get("edges"));
        assertThat((List<String>) seen.get("through")).isEmpty();
        assertThat((String) seen.get("text")).doesNotContain("∂f/∂·").contains("∂f/∂x = ").contains("∂f/∂y = ");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePngHasTheChartKeyAboveTheCharts() {
        open("gallery");
        Map<String, Object> seen = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const figure = document.getElementById('w4');
                const site = document.querySelector('script[src*="/js/site.js"]').src;
                (async () => {
                  const png = await import(site.replace('site.js', 'widgets/chart-png.js'));
                  const blob = await png.picture(figure);
                  const image = await createImageBitmap(blob);
                  const canvas = document.createElement('canvas');
                  canvas.width = image.width;
                  canvas.height = image.height;
                  const g = canvas.getContext('2d');
                  g.drawImage(image, 0, 0);
                  // the charts alone, as the page lays them out, at the picture's scale of 2
                  const boxes = [...figure.querySelectorAll('.js-plotly-plot')].filter((el) => el.offsetWidth > 0).map((el) => el.getBoundingClientRect());
                  const charts = Math.round((Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top))) * 2);
                  const band = image.height - charts;
                  const pixels = band > 0 ? g.getImageData(0, 0, image.width, band).data : [];
                  const probe = document.createElement('span');
                  document.body.append(probe);
                  const rgb = (c) => { probe.style.color = c; return getComputedStyle(probe).color.match(/[\\d.]+/g).slice(0, 3).map(Number); };
                  const runs = document.querySelector('#w4 [data-chart=loss]').data.filter((t) => t.name && t.showlegend !== false);
                  const found = {};
                  for (const t of runs) {
                    const [r, gr, b] = rgb(t.line.color);
                    let hit = false;
                    for (let i = 0; i < pixels.length && !hit; i += 4) {
                      hit = Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - gr) + Math.abs(pixels[i + 2] - b) < 30;
                    }
                    found[t.name] = hit;
                  }
                  probe.remove();
                  done({ height: image.height, charts, found });
                })().catch((e) => done({ error: String(e) }));
                """);
        assertThat(seen).doesNotContainKey("error");
        // a band for the key above the charts, tall enough for a row of entries
        assertThat(((Number) seen.get("height")).intValue()).isGreaterThan(((Number) seen.get("charts")).intValue() + 30);
        Map<String, Object> found = (Map<String, Object>) seen.get("found");
        assertThat(found).containsOnlyKeys("SGD", "Momentum", "Nesterov", "RMSprop", "Adam");
        assertThat(found.values()).as("each run's colour in the key band").containsOnly(true);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
