package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.ServerOptions;
import io.downhill.web.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Each widget type played in a real browser, on a fixture lesson served under a base path. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserTest {
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path downloads;

    @BeforeAll
    void start() {
        Path gallery = Path.of("src/test/resources/courses/widgets").toAbsolutePath();
        server = TestServer.start(new ServerOptions("127.0.0.1", 0, gallery, "/course", false, false));
        try {
            downloads = java.nio.file.Files.createTempDirectory("downhill-downloads");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver = Browser.open(1280, 1000, downloads);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
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

    /**
     * Opens the gallery and waits for the widgets a test uses: each is scrolled into view, which
     * starts it at once, rather than waiting for the page to fall idle and start the ones below the
     * fold. With none named, only the page itself is needed.
     */
    private void openGallery(String... widgets) {
        driver.get(server.url("/lessons/gallery"));
        for (String id : widgets) {
            js("document.getElementById(arguments[0]).scrollIntoView({ block: 'center' })", id);
            wait.until(d -> "true".equals(d.findElement(By.id(id)).getAttribute("data-ready")));
        }
        Browser.consoleErrors(driver);
    }

    /** Opens the gallery and waits until all four widgets have started on their own, none of them touched. */
    private void openGalleryWithEveryWidget() {
        driver.get(server.url("/lessons/gallery"));
        wait.until(d -> js("return document.querySelectorAll('figure[data-widget][data-ready=true]').length").equals(4L));
        Browser.consoleErrors(driver);
    }

    /** The page pixel (viewport coordinates) of the data point (x, y) on the gallery's descent-2d map. */
    @SuppressWarnings("unchecked")
    private java.util.List<Long> mapPixel(double x, double y) {
        return (java.util.List<Long>) js("""
                const chart = document.querySelector('#w2 [data-chart=contour]');
                const full = chart._fullLayout, box = chart.getBoundingClientRect();
                return [Math.round(box.left + full.xaxis._offset + full.xaxis.l2p(arguments[0])),
                        Math.round(box.top + full.yaxis._offset + full.yaxis.l2p(arguments[1]))];
                """, x, y);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private long iteration(String widget) {
        return Long.parseLong(driver.findElement(By.cssSelector("#" + widget + " [data-readout='t']")).getText());
    }

    private long points(String widget, String chart, int trace) {
        return (Long) js("const el = document.querySelector(arguments[0]); return el.data[arguments[1]].x.length;",
                "#" + widget + " [data-chart='" + chart + "']", trace);
    }

    private WebElement button(String widget, String action) {
        return driver.findElement(By.cssSelector("#" + widget + " [data-action='" + action + "']"));
    }

    @Test
    void aLossThatReachesZeroKeepsTheLogAxisAndSitsOnItsFloor() {
        openGallery();
        @SuppressWarnings("unchecked")
        java.util.List<Object> found = (java.util.List<Object>) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const site = document.querySelector('script[src*="/js/site.js"]').src;
                import(site.replace('site.js', 'widgets/charts.js')).then((c) => done([
                  c.lossAxisType([3, 1, 0]), c.lossAxisType([1, -1]), c.lossAxisType([0, 0]),
                  c.lossOnLog(0, c.lossScale([{ steps: [{ loss: 2 }, { loss: 0.5 }, { loss: 0 }] }, { steps: [{ loss: 'NaN' }] }]).floor),
                  c.lossOnLog(0.25, 0.5)])).catch((e) => done(String(e)));
                """);
        // AdaGrad reaching exactly 0 on the plateau no longer flattens every curve onto a linear axis
        assertThat(found).containsExactly("log", "linear", "linear", 0.5, 0.25);
    }

    @Test
    void aRunStillExplodingWhenItsStepsRunOutIsShownAsDiverging() {
        openGallery();
        // "A practical recipe": lr 0.21 on the valley ½(x² + 10y²) reaches 9.5e8 from 13 in 100 steps
        @SuppressWarnings("unchecked")
        java.util.List<Object> words = (java.util.List<Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const site = document.querySelector('script[src*="/js/site.js"]').src;
                const api = document.getElementById('w3').dataset.api;
                const spec = (lr) => JSON.stringify({ problem: { name: 'ill-conditioned' }, start: [-4, 1],
                  optimizer: { name: 'sgd', lr }, stop: { max_steps: 100 } });
                const run = (lr) => fetch(`${api}/runs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: spec(lr) })
                  .then((r) => r.json());
                Promise.all([import(site.replace('site.js', 'widgets/board.js')), import(site.replace('site.js', 'widgets/shell.js')),
                  run(0.21), run(0.15)])
                  .then(([board, shell, exploding, fine]) => done([
                    board.endedWords(exploding.status), shell.describeRun(exploding, 'SGD with lr 0.21'),
                    board.endedWords(fine.status)]))
                  .catch((e) => done(String(e)));
                """);
        assertThat(words).containsExactly("diverging: loss rose from 13 to 9.5e+8",
                "SGD with lr 0.21 was diverging after 100 steps: loss rose from 13 to 9.5e+8",
                "ran all 100 steps");
    }

    /** Pairs of tick labels, on one axis of any chart of the page, whose boxes overlap. */
    @SuppressWarnings("unchecked")
    private java.util.List<String> crowdedTickLabels() {
        return (java.util.List<String>) js("""
                const crowded = [];
                for (const chart of document.querySelectorAll('figure[data-widget] .js-plotly-plot')) {
                  for (const axis of chart.querySelectorAll('.xaxislayer-above, .yaxislayer-above')) {
                    const boxes = [...axis.querySelectorAll('text')].map((t) => [t.textContent, t.getBoundingClientRect()])
                      .filter(([, b]) => b.width > 0);
                    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                      const [a, b] = [boxes[i][1], boxes[j][1]];
                      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
                        crowded.push(`${chart.closest('figure').id} ${chart.dataset.chart}: ${boxes[i][0]} / ${boxes[j][0]}`);
                      }
                    }
                  }
                }
                return crowded;
                """);
    }

    @Test
    void logAxesLabelDecadesWithoutCrowding() {
        openGalleryWithEveryWidget();
        @SuppressWarnings("unchecked")
        java.util.List<Object> dticks = (java.util.List<Object>) withWidgetModule("log-ticks.js", """
                done([m.logDtick(0.5, 300) ?? 'auto', m.logDtick(2, 270), m.logDtick(2, 150), m.logDtick(13.6, 250), m.logDtick(40, 250),
                  m.logDtick(Infinity, 250) ?? 'auto']);
                """);
        // under a decade Plotly's own numbers; two roomy decades 1, 2, 5; else every k-th decade
        assertThat(dticks).containsExactly("auto", "D2", 1L, 2L, 5L, "auto");
        // the empty loss charts before Play, then the loss falling over many decades
        assertThat(crowdedTickLabels()).isEmpty();
        play("w3");
        wait.until(d -> button("w3", "play").getText().contains("Replay"));
        assertThat(crowdedTickLabels()).isEmpty();
        @SuppressWarnings("unchecked")
        java.util.List<String> labels = (java.util.List<String>) js(
                "return [...document.querySelectorAll('#w3 [data-chart=loss] .yaxislayer-above text')].map((t) => t.textContent)");
        assertThat(labels).isNotEmpty().allMatch(l -> l.replace("\u200b", "").matches("1|10([−-]?\\d+)?"), "a decade");
    }

    /**
     * A loss axis turned linear waits for its chart's turn to be redrawn; a relayout of that chart
     * meanwhile (its key's room, its ticks) must not draw the log axis's decade spacing on the
     * linear one, one tick per unit of loss.
     */
    @Test
    void aLossAxisTurnedLinearKeepsNoDecadeTicksWhileItWaitsToBeRedrawn() {
        openGalleryWithEveryWidget();
        @SuppressWarnings("unchecked")
        java.util.List<Object> seen = (java.util.List<Object>) withWidgetModule("charts.js", """
                const el = document.createElement('div');
                el.style.cssText = 'width: 400px; height: 300px';
                document.body.append(el);
                await m.plotly().react(el, [{ type: 'scatter', mode: 'lines', x: [0, 1, 2], y: [1000, 1, 0.001] }], m.layout({ yaxis: { type: 'log' } }));
                await new Promise((r) => setTimeout(r, 300));
                const fitted = el.layout.yaxis.dtick;
                m.setLossAxis(el, 'linear', { touch() {} });
                // not redrawn yet: what any relayout before its turn would draw
                const waiting = [el.layout.yaxis.dtick ?? 'none', el.layout.yaxis.tickmode];
                await m.plotly().relayout(el, { 'margin.t': 31 });
                done([fitted ?? 'none', ...waiting, el.querySelectorAll('.yaxislayer-above text').length]);
                """);
        assertThat(seen.get(0)).as("the log axis had its decades fitted").isNotEqualTo("none");
        assertThat(seen.subList(1, 3)).containsExactly("none", "auto");
        assertThat(((Number) seen.get(3)).intValue()).isBetween(2, 12);
    }

    /**
     * Charts changed in the same frame take turns: the first is redrawn at once, the next at the
     * start of the next frame, so a playing widget's first new step shows after one Plotly redraw,
     * not after all of its charts'. Each is still redrawn, once.
     */
    @Test
    void chartsChangedInTheSameFrameAreRedrawnOnePerFrame() {
        openGalleryWithEveryWidget();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> seen = (java.util.Map<String, Object>) withWidgetModule("charts.js", """
                const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
                const [a, b] = [...document.querySelectorAll('#w3 [data-chart]')].filter((el) => el.data);
                const engines = m.plotly();
                const original = engines.redraw;
                let frame = 0;
                const redrawn = [];
                engines.redraw = (el) => { redrawn.push(`${el.dataset.chart}@${frame}`); return original(el); };
                await nextFrame();
                await nextFrame();
                // counts frames from here: each next frame starts with the count going up
                const count = () => { frame++; if (frame < 4) requestAnimationFrame(count); };
                requestAnimationFrame(count);
                const one = m.changes(a); one.touch(); one.draw();
                const two = m.changes(b); two.touch(); two.draw();
                const atOnce = [...redrawn];
                while (frame < 4) await nextFrame();
                engines.redraw = original;
                done({ atOnce, redrawn, names: [a.dataset.chart, b.dataset.chart] });
                """);
        assertThat(seen).doesNotContainKey("error");
        @SuppressWarnings("unchecked")
        java.util.List<String> names = (java.util.List<String>) seen.get("names");
        assertThat(names).hasSize(2).doesNotHaveDuplicates();
        assertThat((java.util.List<Object>) seen.get("atOnce")).containsExactly(names.get(0) + "@0");
        assertThat((java.util.List<Object>) seen.get("redrawn")).containsExactly(names.get(0) + "@0", names.get(1) + "@1");
    }

    /**
     * A loss chart's ticks are fitted to the decades its data will span before it redraws, so a
     * frame that takes the curve over more decades costs one redraw, not a redraw and a relayout;
     * a loss that underflows to a denormal (1 / 2e-323 is Infinity) still gets a finite dtick.
     */
    @Test
    void aLossChartFitsItsDecadeTicksBeforeItRedraws() {
        openGalleryWithEveryWidget();
        @SuppressWarnings("unchecked")
        java.util.List<Object> seen = (java.util.List<Object>) withWidgetModule("charts.js", """
                const el = document.querySelector('#w3 [data-chart=loss]');
                let relayouts = 0;
                el.on('plotly_relayout', () => { relayouts++; });
                const out = [];
                for (const low of [1e-12, 2e-323]) {
                  el.data.forEach((t, i) => { t.x = i === 0 ? [0, 1, 2] : []; t.y = i === 0 ? [1, 1e-3, low] : []; });
                  relayouts = 0;
                  await m.plotly().redraw(el);
                  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
                  out.push(relayouts, el._fullLayout.yaxis.dtick);
                }
                done(out);
                """);
        // 12 decades on this chart label every 2nd: set before the redraw, so no relayout after it
        assertThat(seen.get(0)).isEqualTo(0L);
        assertThat(seen.get(1)).isEqualTo(2L);
        assertThat(seen.get(3)).isInstanceOf(Number.class);
        assertThat(((Number) seen.get(3)).doubleValue()).isFinite().isGreaterThanOrEqualTo(10);
    }

    /**
     * Runs {@code body} in the page as an async function of {@code m}, the page's own instance of
     * the widget module {@code module} (so its state is the widgets' state), and {@code done};
     * an error comes back as its message.
     */
    private Object withWidgetModule(String module, String body) {
        return driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const site = document.querySelector('script[src*="/js/site.js"]').src;
                import(site.replace('site.js', 'widgets/' + arguments[0])).then(async (m) => {
                """ + body + """
                }).catch((e) => done(String(e)));
                """, module);
    }

    /**
     * For every multi-run chart of the page: whether its key sits above the plot area, its line
     * patterns by name, and the lowest contrast of a line against the chart's background.
     */
    @SuppressWarnings("unchecked")
    private java.util.Map<String, Object> keysAndLines() {
        return (java.util.Map<String, Object>) js("""
                const rgb = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return m.slice(0, 3); };
                const probe = document.createElement('span');
                document.body.append(probe);
                const colour = (c) => { probe.style.color = ''; probe.style.color = c; return rgb(getComputedStyle(probe).color); };
                const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
                  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
                const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
                const out = { overlaps: [], plotlyLegends: 0, dashes: {}, lowest: 99, lowestAt: '' };
                for (const chart of document.querySelectorAll('figure[data-widget] .js-plotly-plot')) {
                  out.plotlyLegends += chart.querySelectorAll('.legend').length;
                  const key = chart.querySelector(':scope > .chart-key');
                  const area = chart.querySelector('.nsewdrag');
                  if (key && area && key.getBoundingClientRect().bottom > area.getBoundingClientRect().top + 0.5) {
                    out.overlaps.push(chart.closest('figure').id + ' ' + chart.dataset.chart);
                  }
                  const bg = rgb(getComputedStyle(chart).backgroundColor);
                  for (const t of chart.data.filter((t) => t.line?.color && (t.mode ?? 'lines').includes('lines') && t.name && t.showlegend !== false)) {
                    out.dashes[chart.closest('figure').id + ' ' + chart.dataset.chart + ' ' + t.name] = t.line.dash ?? 'solid';
                    const c = contrast(colour(t.line.color), bg);
                    if (c < out.lowest) { out.lowest = c; out.lowestAt = chart.closest('figure').id + ' ' + t.name + ' ' + t.line.color; }
                  }
                }
                probe.remove();
                return out;
                """);
    }

    @Test
    void multiRunChartsHaveAKeyAboveThePlotAndLinesThatStayApart() {
        openGalleryWithEveryWidget();
        play("w3");
        play("w4");
        wait.until(d -> button("w3", "play").getText().contains("Replay") && button("w4", "play").getText().contains("Replay"));
        for (String theme : new String[] {"light", "dark"}) {
            if (theme.equals("dark")) {
                js("document.querySelector('.theme-toggle').click()");
                wait.until(d -> "dark".equals(js("return document.documentElement.dataset.theme")));
                sleep(1500);
            }
            java.util.Map<String, Object> seen = keysAndLines();
            // no Plotly legend inside a plot, and no key reaching into one
            assertThat(seen.get("plotlyLegends")).as(theme).isEqualTo(0L);
            assertThat((java.util.List<Object>) seen.get("overlaps")).as(theme).isEmpty();
            assertThat(driver.findElement(By.cssSelector("#w4 [data-chart=loss] .chart-key")).getText())
                    .contains("SGD").contains("Momentum").contains("Adam");
            assertThat(driver.findElement(By.cssSelector("#w3 [data-chart=loss] .chart-key")).getText()).contains("lr 0.5");
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> dashes = (java.util.Map<String, Object>) seen.get("dashes");
            // the two blues and the two oranges differ by their line pattern too
            assertThat(dashes.get("w4 loss SGD")).isNotEqualTo(dashes.get("w4 loss Adam"));
            assertThat(dashes.get("w4 loss Momentum")).isNotEqualTo(dashes.get("w4 loss Nesterov"));
            assertThat(dashes.get("w4 contour SGD")).isEqualTo(dashes.get("w4 loss SGD"));
            assertThat(((Number) seen.get("lowest")).doubleValue()).as(theme + " " + seen.get("lowestAt")).isGreaterThanOrEqualTo(3.0);
        }
        // later runs are drawn thinner, so the last one does not hide the others
        @SuppressWarnings("unchecked")
        java.util.List<Number> widths = (java.util.List<Number>) js(
                "return document.querySelector('#w4 [data-chart=contour]').data.filter((t) => t.mode === 'lines+markers').map((t) => t.line.width)");
        assertThat(widths).hasSize(5);
        for (int i = 1; i < widths.size(); i++) {
            assertThat(widths.get(i).doubleValue()).isLessThan(widths.get(i - 1).doubleValue());
        }
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    private void setSpeed(String widget, int stepsPerSecond) {
        js("const s = document.querySelector('#' + arguments[0] + ' [data-control=speed]'); s.value = String(arguments[1]);"
                + " s.dispatchEvent(new Event('input', { bubbles: true }));", widget, stepsPerSecond);
    }

    private void play(String widget) {
        WebElement b = button(widget, "play");
        b.click();
    }

    /** The faint whole-run lines of a chart of widget w2: [points, last x, last y] of each. */
    @SuppressWarnings("unchecked")
    private java.util.List<java.util.List<Object>> ghosts(String chart) {
        return (java.util.List<java.util.List<Object>>) (java.util.List<?>) ghostLines("w2", chart, "[t.x.length, t.x[t.x.length - 1], t.y[t.y.length - 1]]");
    }

    /** One entry per faint whole-run line on a chart of a widget: what `pick` (JS, of the trace t) reads from it. */
    @SuppressWarnings("unchecked")
    private java.util.List<Object> ghostLines(String widget, String chart, String pick) {
        return (java.util.List<Object>) js("return document.querySelector('#' + arguments[0] + ' [data-chart=' + arguments[1] + ']').data"
                + ".filter((t) => t.meta === 'ghost').map((t) => " + pick + ")", widget, chart);
    }

    @Test
    void movingASliderDrawsTheWholeNewRunFaintlyBeforePlay() {
        openGallery("w2");
        String w = "w2";
        js("document.getElementById('w2').scrollIntoView()");
        // once its steps are in, the whole default run shows faintly on both charts, before Play
        wait.until(d -> ghosts("contour").size() == 1 && ghosts("loss").size() == 1);
        java.util.List<Object> before = ghosts("contour").get(0);
        assertThat((Long) before.get(0)).isGreaterThan(100L);
        assertThat(points(w, "contour", 2)).as("only the start is drawn before Play").isEqualTo(1);

        // the thumb moves without being let go: the run of the value under it replaces the faint line
        js("""
                const lr = document.querySelector('#w2 [data-control=lr]');
                lr.value = String(Number(lr.value) - 0.3);
                lr.dispatchEvent(new Event('input', { bubbles: true }));
                """);
        wait.until(d -> !ghosts("contour").get(0).equals(before));
        java.util.List<Object> preview = ghosts("contour").get(0);
        assertThat(ghosts("loss")).hasSize(1);
        assertThat(points(w, "contour", 2)).isEqualTo(1);
        assertThat(driver.getCurrentUrl()).doesNotContain("w2.lr");

        // letting go makes it the widget's run: the same faint line stays, Play draws over it
        js("document.querySelector('#w2 [data-control=lr]').dispatchEvent(new Event('change', { bubbles: true }))");
        wait.until(d -> driver.getCurrentUrl().contains("w2.lr"));
        wait.until(d -> ghosts("contour").size() == 1 && ghosts("contour").get(0).equals(preview));
        play(w);
        wait.until(d -> iteration(w) > 20);
        assertThat(ghosts("contour").get(0)).isEqualTo(preview);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void insideAStepShowsTheNumbersOfTheUpdateAndWorksItByHand() {
        openGallery("w2");
        String w = "w2";
        js("document.getElementById('w2').scrollIntoView()");
        driver.findElement(By.cssSelector("#w2 [data-inside] > summary")).click();
        wait.until(d -> driver.findElement(By.cssSelector("#w2 [data-inside-text]")).getText().contains("start point"));
        button(w, "step").click();
        button(w, "step").click();
        wait.until(d -> driver.findElement(By.cssSelector("#w2 [data-inside-text]")).getText().startsWith("Update 1 → 2 of Adam"));
        String numbers = driver.findElement(By.cssSelector("#w2 [data-inside-table]")).getText();
        assertThat(numbers).contains("first moment, m̂", "second moment, v̂", "effective rate, η / (√v̂ + ε)", "step taken, Δθ");
        java.util.List<WebElement> worked = driver.findElements(By.cssSelector("#w2 [data-inside-formula] li"));
        assertThat(worked).hasSize(2);
        assertThat(worked).allSatisfy(li -> assertThat(li.getText()).endsWith("✓ the engine’s value"));

        // the same working, on steps the run API gives for the bowl ½·(x² + 4y²)... from (1, 2) with lr 0.1
        @SuppressWarnings("unchecked")
        java.util.List<Object> lines = (java.util.List<Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const site = document.querySelector('script[src*="/js/site.js"]').src;
                import(site.replace('site.js', 'widgets/inside-step.js')).then((m) => {
                  const sgd = [{ t: 0, params: [1, 2], grad: [2, 8], lr: 0.1 }, { t: 1, params: [0.8, 1.2], grad: [1.6, 4.8], lr: 0.1 }];
                  const momentum = [{ t: 0, params: [1, 2], grad: [2, 8], lr: 0.1, velocity: [0, 0] },
                    { t: 1, params: [0.8, 1.2], grad: [1.6, 4.8], lr: 0.1, velocity: [2, 8] },
                    { t: 2, params: [0.45999999999999996, -2.220446049250313e-16], grad: [0.92, 0], lr: 0.1, velocity: [3.4000000000000004, 12] }];
                  const adam = [{ t: 1, params: [0.9000000005, 1.900000000125], grad: [1.800000001, 7.6000000005], lr: 0.1 },
                    { t: 2, params: [0.8004122286917928, 1.8001664858630053], grad: [1.6, 7.2], lr: 0.1,
                      m_hat: [1.894736842631579, 7.789473684473684], v_hat: [3.619809906753429, 60.878439223412585],
                      effective_lr: [0.052560212884175936, 0.012816464668336603] }];
                  done([...m.explain({ name: 'sgd', momentum: 0 }, sgd, 1).checks,
                    ...m.explain({ name: 'momentum', momentum: 0.9, dampening: 0 }, momentum, 2).checks,
                    m.explain({ name: 'adam', eps: 1e-8, weight_decay: 0 }, adam, 1).checks[0]]);
                }).catch((e) => done(String(e)));
                """);
        assertThat(lines).containsExactly(
                "x: 1 − 0.1 × 2 = 0.8 ✓ the engine’s value",
                "y: 2 − 0.1 × 8 = 1.2 ✓ the engine’s value",
                "x: 0.8 − 0.1 × 3.4 = 0.46 ✓ the engine’s value",
                "y: 1.2 − 0.1 × 12 = −2.220446e−16 ✓ the engine’s value",
                "x: 0.9 − 0.0525602 × 1.89474 = 0.80041223 ✓ the engine’s value");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aLiveChangeAfterTheRunEndedRunsItAgainFromTheStart() {
        openGallery("w1");
        String w = "w1";
        play(w);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        // nothing is left to fork at the last step: the run starts again with the new value
        driver.findElement(By.cssSelector("#w1 [data-control='lr']")).sendKeys(Keys.ARROW_LEFT);
        wait.until(d -> driver.getCurrentUrl().contains("w1.lr="));
        assertThat(driver.getCurrentUrl()).doesNotContain("w1.changes");
        wait.until(d -> driver.findElement(By.cssSelector("#w1 [data-summary]")).getText().equals("Press Play to start the run."));
        assertThat(iteration(w)).isZero();
        play(w);
        wait.until(d -> iteration(w) > 5);
        assertThat(driver.findElement(By.cssSelector("#w1 [data-summary]")).getAttribute("class")).doesNotContain("is-error");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void theStartMarkerDragsAcrossTheMapShowingItsRunWhileMoving() {
        String w = "w2";
        openGallery("w2");
        js("document.getElementById('w2').scrollIntoView({block: 'center'})");
        wait.until(d -> ghosts("contour").size() == 1);
        java.util.List<Long> from = mapPixel(-1.5, 2.0);
        java.util.List<Long> to = mapPixel(1.0, -1.0);
        java.util.List<Object> before = ghosts("contour").get(0);
        Object range = js("return document.querySelector('#w2 [data-chart=contour]')._fullLayout.xaxis.range.slice()");
        org.openqa.selenium.interactions.Actions drag = new org.openqa.selenium.interactions.Actions(driver)
                .moveToLocation(from.get(0).intValue() + 2, from.get(1).intValue() - 2).clickAndHold();
        for (int i = 1; i <= 8; i++) {
            drag.moveToLocation(from.get(0).intValue() + (int) ((to.get(0) - from.get(0)) * i / 8), from.get(1).intValue() + (int) ((to.get(1) - from.get(1)) * i / 8))
                    .pause(Duration.ofMillis(40));
        }
        drag.perform();
        // while the button is held, the run from under the pointer is drawn faintly; nothing is set yet
        wait.until(d -> !ghosts("contour").get(0).equals(before));
        assertThat(driver.getCurrentUrl()).doesNotContain("w2.start=");
        assertThat(((Number) js("return document.querySelector('#w2 [data-chart=contour]').data[2].x[0]")).doubleValue()).isEqualTo(-1.5);
        new org.openqa.selenium.interactions.Actions(driver).release().perform();
        // let go: the start is where the marker was dropped (within a pixel of the map), the map not zoomed
        wait.until(d -> driver.getCurrentUrl().contains("w2.start="));
        @SuppressWarnings("unchecked")
        java.util.List<Number> start = (java.util.List<Number>) js("return document.getElementById('w2').widget.value('start')");
        double pixel = ((Number) js("const a = document.querySelector('#w2 [data-chart=contour]')._fullLayout.xaxis; return (a.range[1] - a.range[0]) / a._length")).doubleValue();
        assertThat(start.get(0).doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(2 * pixel));
        assertThat(start.get(1).doubleValue()).isCloseTo(-1.0, org.assertj.core.data.Offset.offset(2 * pixel));
        wait.until(d -> ((Number) js("return document.querySelector('#w2 [data-chart=contour]').data[2].x[0]")).doubleValue() == start.get(0).doubleValue());
        assertThat(js("return document.querySelector('#w2 [data-chart=contour]')._fullLayout.xaxis.range")).isEqualTo(range);
        assertThat(points(w, "contour", 2)).isEqualTo(1);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void theStartPointMovesOneStepPerArrowPressFromTheKeyboard() {
        openGallery("w2");
        String w = "w2";
        WebElement x = driver.findElement(By.cssSelector("#w2 [data-control='start'] input[data-coordinate='0']"));
        WebElement y = driver.findElement(By.cssSelector("#w2 [data-control='start'] input[data-coordinate='1']"));
        assertThat(x.getAccessibleName()).isEqualTo("x");
        assertThat(x.getAttribute("value")).isEqualTo("-1.5");
        assertThat(y.getAttribute("value")).isEqualTo("2");
        java.math.BigDecimal step = new java.math.BigDecimal(x.getAttribute("step"));
        assertThat(step.signum()).isPositive();
        double moved = new java.math.BigDecimal("-1.5").add(step).doubleValue();
        x.sendKeys(Keys.ARROW_UP);
        // one press is one step of the box, and the run starts there
        wait.until(d -> driver.getCurrentUrl().contains("w2.start=" + new java.math.BigDecimal("-1.5").add(step).stripTrailingZeros().toPlainString() + ",2"));
        wait.until(d -> points(w, "contour", 2) == 1
                && ((Number) js("return document.querySelector('#w2 [data-chart=contour]').data[2].x[0]")).doubleValue() == moved);
        assertThat(((Number) js("return document.querySelector('#w2 [data-chart=contour]').data[2].y[0]")).doubleValue()).isEqualTo(2.0);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aLogStepAxisOnAPhoneLabelsDecadesWithoutCrowding() {
        // 15 decades of step h across a phone: spaced by the labels' height, 10⁻¹⁰-wide labels touched
        ChromeDriver phone = Browser.open(390, 900);
        try {
            phone.get(server.url("/lessons/gradients"));
            new WebDriverWait(phone, Duration.ofSeconds(20)).until(d -> "true".equals(d.findElement(By.id("w1")).getAttribute("data-ready")));
            Browser.js(phone, "document.getElementById('w1').scrollIntoView()");
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> ((Number) Browser.js(phone,
                    "return document.querySelectorAll('#w1 [data-chart=errors] .xaxislayer-above text').length")).intValue() >= 3);
            @SuppressWarnings("unchecked")
            java.util.List<String> crowded = (java.util.List<String>) Browser.js(phone, """
                    const boxes = [...document.querySelectorAll('#w1 [data-chart=errors] .xaxislayer-above text')]
                      .map((t) => t.getBoundingClientRect()).filter((b) => b.width > 0);
                    const out = [];
                    for (let i = 1; i < boxes.length; i++) {
                      const [a, b] = [boxes[i - 1], boxes[i]].sort((p, q) => p.left - q.left);
                      if (b.left < a.right + 2) out.push(`${a.right} / ${b.left}`);
                    }
                    return out;
                    """);
            assertThat(crowded).isEmpty();
        } finally {
            phone.quit();
        }
    }

    @Test
    void theContourMapIsDrawnOnceUnderItsChartAndStillAnswersClicks() {
        String w = "w2";
        openGallery("w2");
        wait.until(d -> ghosts("contour").size() == 1);
        String map = "#w2 [data-chart=contour] > .chart-map";
        // the map is a graph of its own under the chart, over exactly the chart's plot area
        assertThat(driver.findElements(By.cssSelector(map + " .contourlayer path"))).isNotEmpty();
        wait.until(d -> (Boolean) js("""
                const chart = document.querySelector('#w2 [data-chart=contour]');
                const under = chart.querySelector(':scope > .chart-map')._fullLayout;
                const full = chart._fullLayout;
                return ['xaxis', 'yaxis'].every((a) => under[a]._offset === full[a]._offset && under[a]._length === full[a]._length
                  && under[a].range.join() === full[a].range.join());
                """));
        // the chart keeps an invisible stand-in of the same grid at the map's index
        assertThat(js("const t = document.querySelector('#w2 [data-chart=contour]').data[0]; return [t.type, t.opacity]"))
                .isEqualTo(java.util.List.of("heatmap", 0L));
        // a click on the map (well inside it, away from the start marker) still sets the start, through the stand-in
        @SuppressWarnings("unchecked")
        java.util.List<Number> inside = (java.util.List<Number>) js("""
                const full = document.querySelector('#w2 [data-chart=contour]')._fullLayout;
                return [full.xaxis, full.yaxis].map((a, k) => a.range[0] + (k === 0 ? 0.7 : 0.3) * (a.range[1] - a.range[0]));
                """);
        java.util.List<Long> at = mapPixel(inside.get(0).doubleValue(), inside.get(1).doubleValue());
        // as a hand does: the pointer rests on the map (Plotly finds what is under it), then clicks
        new org.openqa.selenium.interactions.Actions(driver).moveToLocation(at.get(0).intValue(), at.get(1).intValue())
                .pause(Duration.ofMillis(300)).click().perform();
        wait.until(d -> driver.getCurrentUrl().contains("w2.start="));
        @SuppressWarnings("unchecked")
        java.util.List<Number> start = (java.util.List<Number>) js("return document.getElementById('w2').widget.value('start')");
        double cell = ((Number) js("const x = document.querySelector('#w2 [data-chart=contour]').data[0].x; return x[1] - x[0]")).doubleValue();
        assertThat(start.get(0).doubleValue()).isCloseTo(inside.get(0).doubleValue(), org.assertj.core.data.Offset.offset(cell));
        assertThat(start.get(1).doubleValue()).isCloseTo(inside.get(1).doubleValue(), org.assertj.core.data.Offset.offset(cell));
        wait.until(d -> ((Number) js("return document.querySelector('#w2 [data-chart=contour]').data[2].x[0]")).doubleValue() == start.get(0).doubleValue());
        // playing a run redraws the paths only: the map's computed contours stay the same object
        js("window.mapCalc = document.querySelector(arguments[0]).calcdata", map);
        setSpeed(w, 60);
        play(w);
        wait.until(d -> iteration(w) > 20);
        assertThat(js("return document.querySelector(arguments[0]).calcdata === window.mapCalc", map)).isEqualTo(true);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void descent2dPlaysPausesForksAndResets() {
        openGallery("w2");
        String w = "w2";
        assertThat(iteration(w)).isZero();
        // at the speed the widget opens with, its 1,000 steps take 10 s: a slow machine could see
        // the run end before the change below, so this plays at 30 steps per second
        setSpeed(w, 30);
        play(w);
        wait.until(d -> iteration(w) > 20);
        assertThat(points(w, "contour", 2)).isGreaterThan(20);
        assertThat(points(w, "loss", 0)).isGreaterThan(20);
        assertThat(driver.findElement(By.cssSelector("#" + w + " [data-readout='loss']")).getText()).isNotEqualTo("–");

        // moving the lr slider while playing continues from the current step and marks the change
        WebElement lr = driver.findElement(By.cssSelector("#" + w + " [data-control='lr']"));
        lr.sendKeys(Keys.ARROW_LEFT);
        wait.until(d -> ((Number) js("return document.querySelector('#w2 [data-chart=loss]').layout.shapes.length")).intValue() >= 1);
        long atChange = ((Number) js("return document.querySelector('#w2 [data-chart=loss]').layout.shapes[0].x0")).longValue();
        assertThat(atChange).isPositive();
        assertThat(driver.getCurrentUrl()).contains("w2.changes=" + atChange + ":lr:");

        play(w); // pause
        long paused = iteration(w);
        sleep(400);
        assertThat(iteration(w)).isEqualTo(paused);
        assertThat(button(w, "play").getAttribute("aria-pressed")).isEqualTo("false");

        button(w, "step").click();
        wait.until(d -> iteration(w) == paused + 1);

        button(w, "reset").click();
        wait.until(d -> iteration(w) == 0);
        assertThat(points(w, "contour", 2)).isEqualTo(1);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aLongRunShowsFortyStepMarkersNotOneEach() {
        openGallery("w2");
        // 1,000 steps: a marker per step made each redraw restyle hundreds of them, slower with every step drawn
        wait.until(d -> Boolean.TRUE.equals(js("return document.getElementById('w2').widget.player.finished")));
        js("document.getElementById('w2').widget.player.goTo(800)");
        wait.until(d -> iteration("w2") == 800);
        assertThat(points("w2", "contour", 2)).isEqualTo(801);
        Number markers = (Number) js("return document.querySelector('#w2 [data-chart=contour]').calcdata[2][0].node3.node().querySelectorAll('path.point').length");
        assertThat(markers.intValue()).isBetween(20, 40);
    }

    @Test
    void theUrlHashReproducesTheRunAfterReload() {
        openGallery("w2");
        String w = "w2";
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("#w2 [data-control='problem']")))
                .selectByValue("bowl");
        wait.until(d -> js("return document.getElementById('w2').widget.problem").equals("bowl"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("#w2 [data-control='optimizer']")))
                .selectByValue("momentum");
        for (int i = 0; i < 25; i++) {
            button(w, "step").click();
        }
        wait.until(d -> iteration(w) == 25);
        String loss = driver.findElement(By.cssSelector("#w2 [data-readout='loss']")).getText();
        String position = driver.findElement(By.cssSelector("#w2 [data-readout='params']")).getText();
        wait.until(ExpectedConditions.urlContains("w2.t=25"));
        String url = driver.getCurrentUrl();
        assertThat(url).contains("w2.problem=bowl").contains("w2.opt=momentum").contains("w2.t=25");

        driver.get("about:blank");
        driver.get(url);
        wait.until(d -> "true".equals(d.findElement(By.id("w2")).getAttribute("data-ready")));
        wait.until(d -> iteration(w) == 25);
        assertThat(driver.findElement(By.cssSelector("#w2 [data-readout='loss']")).getText()).isEqualTo(loss);
        assertThat(driver.findElement(By.cssSelector("#w2 [data-readout='params']")).getText()).isEqualTo(position);
        assertThat(driver.findElement(By.cssSelector("#w2 [data-control='optimizer']")).getAttribute("value")).isEqualTo("momentum");
        assertThat(driver.findElement(By.cssSelector("#w2 [data-control='problem']")).getAttribute("value")).isEqualTo("bowl");
        // a link into the middle of a run says where it is, not "Press Play to start the run"
        assertThat(driver.findElement(By.cssSelector("#w2 [data-summary]")).getAttribute("textContent"))
                .isEqualTo("Paused at step 25.");
    }

    /** Opens a fixture lesson at an address written the way the widgets' own scripts wrote it before the runtime. */
    private void openAt(String lesson, String hash, long widgets) {
        driver.get("about:blank");
        driver.get(server.url("/lessons/" + lesson) + "#" + hash);
        wait.until(d -> js("return document.querySelectorAll('figure[data-widget][data-ready=true]').length").equals(widgets));
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, Object> spec(String widget, int run) {
        return (java.util.Map<String, Object>) js("return document.getElementById(arguments[0]).widget.specs[arguments[1]]", widget, run);
    }

    @Test
    @SuppressWarnings("unchecked")
    void linksWrittenBeforeTheRuntimeStillRestoreTheirWidgets() {
        openAt("batches", "w1.batch=32&w1.lr=0.05&w1.epochs=1&w1.t=7", 2);
        wait.until(d -> iteration("w1") == 7);
        assertThat(((java.util.Map<String, Object>) spec("w1", 2).get("problem")).get("batch_size")).isEqualTo(32L);
        assertThat(((Number) ((java.util.Map<String, Object>) spec("w1", 0).get("optimizer")).get("lr")).doubleValue()).isEqualTo(0.05);
        assertThat(driver.findElement(By.cssSelector("#w1 [data-control='epochs']")).isSelected()).isTrue();

        openAt("stopping", "w1.lr=0.1&w1.grad_norm=0.01", 1);
        assertThat(((Number) ((java.util.Map<String, Object>) spec("w1", 0).get("optimizer")).get("lr")).doubleValue()).isEqualTo(0.1);
        assertThat(((Number) js("return document.getElementById('w1').widget.grad_norm")).doubleValue()).isEqualTo(0.01);

        openAt("custom", "w1.f=x%5E2%20%2B%203*y%5E2&w1.start=1,-1&w3.start=0.5,0.5", 3);
        assertThat(spec("w1", 0).get("problem").toString()).contains("expression=x^2 + 3*y^2");
        assertThat(spec("w1", 1).get("start").toString()).isEqualTo("[1, -1]");
        assertThat(driver.findElement(By.cssSelector("#w1 [data-control='expression']")).getAttribute("value")).isEqualTo("x^2 + 3*y^2");
        assertThat(spec("w3", 0).get("start").toString()).isEqualTo("[0.5, 0.5]");

        openAt("gallery", "w4.start=2,1", 4);
        assertThat(spec("w4", 4).get("start").toString()).isEqualTo("[2, 1]");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void descent1dRollsIntoAValleyAndSaysWhich() {
        openGallery("w1");
        String w = "w1";
        play(w);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        assertThat(iteration(w)).isPositive();
        assertThat(points(w, "curve", 2)).isGreaterThan(5);
        assertThat(driver.findElement(By.cssSelector("#w1 [data-basin]")).getText()).contains("local minimum");
        assertThat(driver.findElement(By.cssSelector("#w1 [data-summary]")).getText()).startsWith("SGD ");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    /** Runs requests answer late, as on a slow network: a learner can press Play before the new runs arrive. */
    private void slowRunRequests() {
        js("const f = window.fetch; window.fetch = (u, o) => String(u).includes('state=')"
                + " ? new Promise((r) => setTimeout(r, 700)).then(() => f(u, o)) : f(u, o);");
    }

    /** Clicks a chart where its axes read (x, y), as a mouse would. */
    private void clickChartAt(String widget, String chart, double x, double y) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> at = (java.util.List<Number>) js("""
                const el = document.querySelector(arguments[0]);
                el.scrollIntoView({ block: 'center' });
                const fl = el._fullLayout;
                const box = el.getBoundingClientRect();
                return [box.left + fl._size.l + fl.xaxis.l2p(arguments[1]), box.top + fl._size.t + fl.yaxis.l2p(arguments[2])];
                """, "#" + widget + " [data-chart='" + chart + "']", x, y);
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToLocation(at.get(0).intValue(), at.get(1).intValue()).click().perform();
    }

    @Test
    void aNewStartPointIsWhereTheDrawingStartsEvenWhenPlayIsPressedAtOnce() {
        openGallery("w1");
        String w = "w1";
        play(w);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        slowRunRequests();
        // the double well near x = -1.87, whose loss there is about -0.15 (from 1.8 it is about 2.4)
        double y = ((Number) js("const c = document.querySelector('#w1 [data-chart=curve]').data[0];"
                + " const i = c.x.findIndex((x) => x >= -1.87); return c.y[i];")).doubleValue();
        clickChartAt(w, "curve", -1.87, y);
        play(w);
        wait.until(d -> ((Number) js("return document.getElementById('w1').widget.specs[0].start[0]")).doubleValue() < 0);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> drawn = (java.util.Map<String, Object>) js("""
                const w = document.getElementById('w1').widget;
                const steps = w.player.runs[0].steps;
                const curve = document.querySelector('#w1 [data-chart=curve]').data;
                const loss = document.querySelector('#w1 [data-chart=loss]').data[0];
                return { start: w.specs[0].start[0], steps: steps.length, first: steps[0].loss, last: steps[steps.length - 1].params[0],
                         visited: curve[2].x.length, visitedX: curve[2].x[0], lossPoints: loss.x.length, lossY: loss.y[0],
                         ball: curve[4].x.length === 1 ? curve[4].x[0] : null };
                """);
        double start = ((Number) drawn.get("start")).doubleValue();
        assertThat(start).isCloseTo(-1.87, org.assertj.core.data.Offset.offset(0.05));
        // the drawing starts at the new point, not with a line from the old start 1.8
        assertThat(((Number) drawn.get("visitedX")).doubleValue()).isEqualTo(start);
        assertThat(((Number) drawn.get("lossY")).doubleValue()).isEqualTo(((Number) drawn.get("first")).doubleValue()).isLessThan(0);
        assertThat(drawn.get("visited")).isEqualTo(drawn.get("steps"));
        assertThat(drawn.get("lossPoints")).isEqualTo(drawn.get("steps"));
        assertThat(((Number) drawn.get("ball")).doubleValue()).isEqualTo(((Number) drawn.get("last")).doubleValue());
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void lrCompareShowsThreeRunsAndTheirStatus() {
        openGallery("w3");
        String w = "w3";
        play(w);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        for (int trace = 2; trace < 5; trace++) {
            assertThat(points(w, "contour", trace)).isGreaterThan(1);
        }
        String board = driver.findElement(By.cssSelector("#w3 [data-board]")).getText();
        assertThat(board).contains("lr 0.01").contains("lr 0.1").contains("lr 0.5");
        // how each run ended, in words rather than the engine's ids
        assertThat(board).doesNotContain("max-steps").doesNotContain("running")
                .containsPattern("(ran all \\d+ steps|converged \\(|diverged at step \\d+)");
        assertThat(driver.findElement(By.cssSelector("#w3 [data-summary]")).getText()).contains("with lr 0.5");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void theStepScrubberMovesEveryChartTheTableAndTheReadouts() {
        openGallery("w3");
        String w = "w3";
        play(w);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        WebElement scrub = driver.findElement(By.cssSelector("#w3 .widget-scrubber input[type=range]"));
        assertThat(driver.findElement(By.cssSelector("label[for='" + scrub.getAttribute("id") + "']")).getText()).isEqualTo("Step");
        assertThat(scrub.getAttribute("max")).isEqualTo("60");
        assertThat(scrub.getAttribute("value")).isEqualTo("60");
        // from the keyboard, a step at a time
        scrub.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        wait.until(d -> iteration(w) == 55);
        for (int trace = 2; trace < 5; trace++) {
            assertThat(points(w, "contour", trace)).isEqualTo(56);
        }
        for (int trace = 0; trace < 3; trace++) {
            assertThat(points(w, "loss", trace)).isEqualTo(56);
        }
        // dragged back to step 20: the paths, the losses, the table and the readouts all show step 20
        js("arguments[0].value = 20; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));", scrub);
        wait.until(d -> iteration(w) == 20);
        assertThat(points(w, "contour", 3)).isEqualTo(21);
        assertThat(points(w, "loss", 1)).isEqualTo(21);
        assertThat(driver.findElement(By.cssSelector("#w3 [data-board] tbody tr td:nth-of-type(2)")).getText()).isEqualTo("20");
        assertThat(driver.findElement(By.cssSelector("#w3 .widget-scrubber output")).getText()).isEqualTo("20 / 60");
        assertThat(scrub.getAttribute("aria-valuetext")).isEqualTo("step 20 of 60");
        // Play goes on from there
        js("arguments[0].scrollIntoView({ block: 'center' })", button(w, "play"));
        play(w);
        wait.until(d -> iteration(w) > 20);
        wait.until(d -> Long.parseLong(scrub.getAttribute("value")) > 20);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void downloadsGiveTheTrajectoryAsCsvAndJson() throws Exception {
        openGallery("w3");
        String w = "w3";
        play(w);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        button(w, "download-csv").click();
        button(w, "download-json").click();
        Path csv = downloads.resolve("downhill-lr-compare-w3.csv");
        Path json = downloads.resolve("downhill-lr-compare-w3.json");
        wait.until(d -> java.nio.file.Files.exists(csv) && java.nio.file.Files.exists(json));
        java.util.List<String> rows = java.nio.file.Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("run,t,w1,w2,loss,grad1,grad2,grad_norm,lr");
        assertThat(rows).hasSize(1 + 3 * 61);
        assertThat(rows.get(1)).isEqualTo("\"lr 0.01\",0,3,4,41,6,16," + Math.sqrt(292) + ",0.01");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(tree.get("runs")).hasSize(3);
        assertThat(tree.get("runs").get(2).get("spec").get("optimizer").get("lr").asDouble()).isEqualTo(0.5);
        assertThat(tree.get("runs").get(2).get("steps")).hasSize(61);
    }

    @Test
    void optimizerRaceFillsItsLeaderboard() {
        openGallery("w4");
        String w = "w4";
        play(w);
        wait.until(d -> iteration(w) > 30);
        assertThat(driver.findElements(By.cssSelector("#w4 [data-board] tbody tr"))).hasSize(5);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        String summary = driver.findElement(By.cssSelector("#w4 [data-summary]")).getText();
        assertThat(summary).contains("Adam").contains("SGD");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aNewStartOnTheSameMapKeepsTheChartsAndDrawsOnlyTheNewRuns() {
        openGallery("w4");
        String w = "w4";
        play(w);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        // the finished runs show faintly as well; both go when the start moves
        wait.until(d -> ghostLines("w4", "loss", "t.x.length").size() == 5);
        // a mark on the chart's own trace objects: a chart drawn whole again would not keep it
        js("document.querySelector('#w4 [data-chart=contour]').data[0].kept = true");
        js("""
                const box = document.querySelector('#w4 input[data-coordinate]');
                box.value = '-1';
                box.dispatchEvent(new Event('change', { bubbles: true }));
                """);
        wait.until(d -> driver.getCurrentUrl().contains("w4.start=-1"));
        play(w);
        wait.until(d -> iteration(w) > 20);
        @SuppressWarnings("unchecked")
        java.util.List<Object> seen = (java.util.List<Object>) js("""
                const chart = document.querySelector('#w4 [data-chart=contour]');
                const paths = chart.data.filter((t) => t.mode && t.mode.startsWith('lines') && t.meta !== 'ghost');
                return [chart.data[0].kept === true, paths.map((t) => t.x[0])];
                """);
        int faintLines = ghostLines("w4", "loss", "t.x.length").size();
        assertThat(seen.get(0)).as("the map's trace kept: the chart was not drawn whole again").isEqualTo(true);
        // every path starts at the new start, none from the old one
        assertThat((java.util.List<Object>) seen.get(1)).hasSize(5).allSatisfy(x -> assertThat(((Number) x).doubleValue()).isEqualTo(-1.0));
        // the old setting's faint runs are gone (the new ones come when they have all arrived)
        assertThat(faintLines).isIn(0, 5);
        wait.until(d -> button(w, "play").getText().contains("Replay"));
        assertThat(ghostLines("w4", "contour", "t.x[0]")).hasSize(5).allSatisfy(x -> assertThat(((Number) x).doubleValue()).isEqualTo(-1.0));
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aDivergingRunIsShownAsDivergedNotAsAnError() {
        driver.get(server.url("/lessons/diverging"));
        wait.until(d -> js("return document.querySelectorAll('figure[data-widget][data-ready=true]').length").equals(3L));
        play("w1");
        play("w2");
        wait.until(d -> button("w1", "play").getText().contains("Replay"));
        wait.until(d -> button("w2", "play").getText().contains("Replay"));
        String board = driver.findElement(By.cssSelector("#w1 [data-board]")).getText();
        assertThat(board).containsPattern("Nesterov.*diverged");
        assertThat(driver.findElement(By.cssSelector("#w1 [data-summary]")).getText()).contains("Nesterov diverged after");
        assertThat(driver.findElement(By.cssSelector("#w2 [data-board]")).getText()).containsPattern("lr 0.6.*diverged");
        assertThat(driver.findElement(By.cssSelector("#w2 [data-summary]")).getAttribute("class")).doesNotContain("is-error");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aLossFallingWithoutLimitKeepsItsChartAnswering() {
        // the loss axis starts on a log scale and turns linear when the saddle's loss goes negative;
        // the decade tick spacing of the log axis once stayed, one tick per unit down to -4e6, and
        // the page stopped answering a few hundred steps in
        driver.get(server.url("/lessons/diverging"));
        wait.until(d -> js("return document.querySelectorAll('figure[data-widget][data-ready=true]').length").equals(3L));
        // the switch to linear comes with the redraw of new steps, not as a relayout (a whole redraw more)
        js("""
                window.axisSwitches = [];
                const real = Plotly.relayout;
                Plotly.relayout = function (gd, update, ...rest) {
                  if (gd.closest?.('#w3') && update && typeof update === 'object'
                      && ('yaxis.type' in update || update['yaxis.dtick'] === null)) window.axisSwitches.push(JSON.stringify(update));
                  return real.call(this, gd, update, ...rest);
                };
                """);
        play("w3");
        wait.until(d -> button("w3", "play").getText().contains("Replay"));
        assertThat(js("return window.axisSwitches")).asList().isEmpty();
        assertThat(points("w3", "loss", 0)).isEqualTo(501);
        assertThat(js("return document.querySelector('#w3 [data-chart=loss]')._fullLayout.yaxis.type")).isEqualTo("linear");
        long ticks = (Long) js("return document.querySelectorAll('#w3 [data-chart=loss] .yaxislayer-above text').length");
        assertThat(ticks).isBetween(2L, 12L);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void scheduleExplorerDrawsBothLearningRatesAndMarksPlateauCuts() {
        driver.get(server.url("/lessons/schedules"));
        wait.until(d -> "true".equals(d.findElement(By.id("w1")).getAttribute("data-ready")));
        play("w1");
        wait.until(d -> button("w1", "play").getText().contains("Replay"));
        assertThat(points("w1", "lr", 0)).isEqualTo(301);
        assertThat(points("w1", "lr", 1)).isEqualTo(301);
        double first = ((Number) js("return document.querySelector('#w1 [data-chart=lr]').data[0].y[0]")).doubleValue();
        double last = ((Number) js("return document.querySelector('#w1 [data-chart=lr]').data[0].y[300]")).doubleValue();
        assertThat(first).isEqualTo(0.1);
        assertThat(last).isLessThan(0.001);
        assertThat(driver.findElement(By.cssSelector("#w1 [data-board]")).getText()).contains("Schedule").contains("Constant lr");
        // the summary and the table say what the loss chart draws, the distance to the least loss:
        // both losses read 0.116 and 0.126, their distances differ by three orders of magnitude
        assertThat(driver.findElement(By.cssSelector("#w1 [data-summary]")).getText()).isEqualTo(
                "With the schedule the loss ends 4.2e−6 above the least loss 0.1164 after 300 steps; with a constant lr, "
                + "0.0094 above it after 300 steps: the schedule ends lower (about 2200 times closer to the least loss).");
        java.util.List<WebElement> rows = driver.findElements(By.cssSelector("#w1 [data-board] tbody tr"));
        assertThat(rows.get(0).findElements(By.tagName("td")).get(2).getText()).isEqualTo("4.2e−6");
        assertThat(rows.get(1).findElements(By.tagName("td")).get(2).getText()).isEqualTo("0.0094");
        assertThat(driver.findElement(By.cssSelector("#w1 [data-loss-head]")).getText()).isEqualToIgnoringCase("loss − least");
        double drawn = ((Number) js("return document.querySelector('#w1 [data-chart=loss]').data[0].y[300]")).doubleValue();
        assertThat(drawn).isBetween(4.15e-6, 4.25e-6);

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("#w1 [data-control='schedule']")))
                .selectByValue("reduce-on-plateau");
        // the controls of the new schedule come with the server's answer for the new state
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-control='patience']")).isDisplayed());
        assertThat(driver.findElement(By.cssSelector("#w1 [data-control='T_max']")).isDisplayed()).isFalse();
        play("w1");
        wait.until(d -> button("w1", "play").getText().contains("Replay"));
        long cuts = (Long) js("return document.querySelector('#w1 [data-chart=lr]').layout.shapes.filter(s => s.type === 'line').length");
        assertThat(cuts).isPositive();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void stoppingRulesMarkWhereEachRuleStopsAndAgreeWithTheEngine() throws Exception {
        driver.get(server.url("/lessons/stopping"));
        wait.until(d -> "true".equals(d.findElement(By.id("w1")).getAttribute("data-ready")));
        play("w1");
        wait.until(d -> button("w1", "play").getText().contains("Replay"));
        assertThat(points("w1", "measures", 0)).isEqualTo(301);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> first = (java.util.Map<String, Object>) js(
                "return document.getElementById('w1').widget.firstRule(Infinity)");
        assertThat(first).isNotNull();
        long marks = (Long) js("return document.querySelector('#w1 [data-chart=loss]').layout.shapes.length");
        assertThat(marks).isEqualTo(3);
        // the engine, asked to stop by the same rules, stops at the same step for the same reason
        String spec = "{\"problem\":{\"name\":\"ill-conditioned\"},\"optimizer\":{\"name\":\"sgd\",\"lr\":0.15},"
                + "\"stop\":{\"max_steps\":300,\"grad_norm\":0.001,\"loss_change\":0.000001,\"param_change\":0.0001}}";
        var status = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(server.post("/api/runs", spec, "Content-Type", "application/json").body()).get("status");
        assertThat(status.get("reason").asText()).isEqualTo("converged");
        assertThat(status.get("rule").asText()).isEqualTo(first.get("rule"));
        assertThat(status.get("steps").asLong()).isEqualTo(((Number) first.get("step")).longValue());
        assertThat(driver.findElement(By.cssSelector("#w1 [data-summary]")).getText()).contains("fires first, at step " + first.get("step"));
        java.util.List<WebElement> rows = driver.findElements(By.cssSelector("#w1 [data-board] tbody tr"));
        assertThat(rows).hasSize(4);
        for (WebElement row : rows) {
            assertThat(row.findElements(By.tagName("td")).get(2).getText()).isNotBlank();
        }
        assertThat(driver.findElement(By.cssSelector("#w1 [data-board]")).getText()).contains("fires first");

        // a looser gradient tolerance moves that rule's mark earlier without a new run
        WebElement grad = driver.findElement(By.cssSelector("#w1 [data-control='grad_norm']"));
        long before = (Long) js("return document.getElementById('w1').widget.stops(Infinity).grad_norm");
        grad.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        wait.until(d -> (Long) js("return document.getElementById('w1').widget.stops(Infinity).grad_norm") < before);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void batchNoiseFitsTheDataAndItsGradientCloudTightensWithTheBatch() {
        driver.get(server.url("/lessons/batches"));
        wait.until(d -> js("return document.querySelectorAll('figure[data-widget][data-ready=true]').length").equals(2L));
        for (String w : new String[] {"w1", "w2"}) {
            play(w);
            wait.until(d -> button(w, "play").getText().contains("Replay"));
            assertThat(points(w, "loss", 0)).isGreaterThan(50);
            int firstFit = w.equals("w1") ? 1 : 2;
            assertThat(points(w, "fit", firstFit)).isEqualTo(2);
            wait.until(d -> ((Number) js("return document.querySelector('#" + w + " [data-chart=cloud]').data[0].x.length")).intValue() == 60);
        }
        assertThat(driver.findElement(By.cssSelector("#w1 [data-board]")).getText())
                .contains("Full batch").contains("One sample (SGD)").contains("Mini-batch B = 10");
        String small = driver.findElement(By.cssSelector("#w1 [data-readout='spread']")).getText();
        WebElement batch = driver.findElement(By.cssSelector("#w1 [data-control='batch']"));
        js("arguments[0].value = 100; arguments[0].dispatchEvent(new Event('input')); arguments[0].dispatchEvent(new Event('change'));", batch);
        wait.until(d -> !d.findElement(By.cssSelector("#w1 [data-readout='spread']")).getText().equals(small));
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-readout='spread']")).getText().matches(".*e−\\d+"));
        assertThat(driver.findElement(By.cssSelector("#w1 [data-board]")).getText()).contains("Mini-batch B = 100");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void customFunctionRacesOnWhatTheLearnerTypesAndPointsAtSyntaxErrors() {
        driver.get(server.url("/lessons/custom"));
        wait.until(d -> js("return document.querySelectorAll('figure[data-widget][data-ready=true]').length").equals(3L));
        // a typed function also works in descent-2d and optimizer-race: the bowl's minimum is (1, −0.5)
        play("w2");
        play("w3");
        wait.until(d -> button("w2", "play").getText().contains("Replay") && button("w3", "play").getText().contains("Replay"));
        assertThat(driver.findElement(By.cssSelector("#w2 [data-readout='params']")).getText()).isEqualTo("(1, −0.5)");
        assertThat(points("w3", "contour", 2)).isGreaterThan(10);
        WebElement input = driver.findElement(By.cssSelector("#w1 [data-control='expression']"));
        input.clear();
        input.sendKeys("(x - 1)^2 + 3*(y + 0.5)^2)");
        input.sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElement(By.cssSelector("#w1 [data-expression-error]")).getText().isEmpty());
        String error = driver.findElement(By.cssSelector("#w1 [data-expression-error]")).getText();
        assertThat(error).startsWith("column 26: unexpected ')'").contains("\n" + " ".repeat(25) + "^");
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");

        input.sendKeys(Keys.BACK_SPACE, Keys.ENTER);
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-expression-error]")).getText().isEmpty());
        play("w1");
        wait.until(d -> button("w1", "play").getText().contains("Replay"));
        assertThat(points("w1", "contour", 2)).isGreaterThan(10);
        assertThat(driver.getCurrentUrl()).contains("w1.f=");
        // Adam from (1, 1) reaches the minimum (1, -0.5), where f = 0
        String board = driver.findElement(By.cssSelector("#w1 [data-board]")).getText();
        assertThat(board).contains("Adam").contains("SGD");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void gradientLabComparesTheMethodsAndDrawsTheGraph() {
        driver.get(server.url("/lessons/gradients"));
        wait.until(d -> "true".equals(d.findElement(By.id("w1")).getAttribute("data-ready")));
        wait.until(d -> d.findElements(By.cssSelector("#w1 [data-gradients] tbody tr")).size() == 3);
        // f = (x + y) sin x at (1, 2): ∂f/∂x = sin 1 + 3 cos 1, ∂f/∂y = sin 1
        String table = driver.findElement(By.cssSelector("#w1 [data-gradients]")).getText();
        assertThat(table).contains("Automatic").contains("2.462377902").contains("0.8414709848");
        assertThat(table).contains("Central (h 1e−5)");
        assertThat(points("w1", "errors", 0)).isEqualTo(15);
        // the key above the chart leaves the plot area its width: a Plotly legend drawn and then
        // hidden kept its own width in the left margin (the plot was 370 of 627 px)
        assertThat(((Number) js("return document.querySelector('#w1 [data-chart=errors]')._fullLayout._size.l")).doubleValue())
                .isLessThan(100);
        assertThat(driver.findElements(By.cssSelector("#w1 [data-graph] g.node"))).hasSize(5);
        assertThat(driver.findElement(By.cssSelector("#w1 [data-graph]")).getText()).contains("sin").contains("v = 3");

        WebElement h = driver.findElement(By.cssSelector("#w1 [data-control='h']"));
        js("arguments[0].value = -12; arguments[0].dispatchEvent(new Event('input')); arguments[0].dispatchEvent(new Event('change'));", h);
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-gradients]")).getText().contains("Central (h 1e−12)"));
        // the dotted line moves to the table's h
        wait.until(d -> ((Number) js("return document.querySelector('#w1 [data-chart=errors]').layout.shapes[0].x0")).doubleValue() == 1e-12);

        // a moved point's comparison comes with the state's answer: no second request; and the
        // slider's preview and its change ask for that state once. At (0, 2):
        // ∂f/∂x = sin 0 + 2 cos 0 = 2, ∂f/∂y = sin 0 = 0
        String calls = "return performance.getEntriesByType('resource').filter(e => e.name.includes(arguments[0])).length";
        long labs = ((Number) js(calls, "/api/gradient-lab")).longValue();
        long states = ((Number) js(calls, "/api/widgets/runs")).longValue();
        js("arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input')); arguments[0].dispatchEvent(new Event('change'));",
                driver.findElement(By.cssSelector("#w1 [data-control='px']")));
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-summary]")).getText().contains("gives (2, 0)"));
        assertThat(((Number) js(calls, "/api/gradient-lab")).longValue()).isEqualTo(labs);
        assertThat(((Number) js(calls, "/api/widgets/runs")).longValue()).isEqualTo(states + 1);

        WebElement input = driver.findElement(By.cssSelector("#w1 [data-control='expression']"));
        input.clear();
        input.sendKeys("x * exp(y", Keys.ENTER);
        wait.until(d -> !d.findElement(By.cssSelector("#w1 [data-expression-error]")).getText().isEmpty());
        input.sendKeys(")", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#w1 [data-graph] g.node")).size() == 4);
        assertThat(driver.findElement(By.cssSelector("#w1 [data-summary]")).getText()).contains("automatic differentiation gives");

        // the function in use sent again asks the server nothing, and a rejected text's message goes
        String asked = "return performance.getEntriesByType('resource').filter(e => /\\/api\\/(expression|widgets\\/runs|gradient-lab)/.test(e.name)).length";
        long before = ((Number) js(asked)).longValue();
        input.sendKeys(" +", Keys.ENTER);
        wait.until(d -> !d.findElement(By.cssSelector("#w1 [data-expression-error]")).getText().isEmpty());
        input.clear();
        input.sendKeys("x * exp(y)", Keys.ENTER);
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-expression-error]")).getText().isEmpty());
        input.sendKeys(Keys.ENTER);
        sleep(300);
        assertThat(((Number) js(asked)).longValue() - before).as("only the rejected text was checked").isEqualTo(1);
        assertThat(input.getAttribute("aria-invalid")).isNotEqualTo("true");
        // the lab's parts keep the widget's own spacing, not the lesson's paragraphs and tables
        // (which left a 60 px gap above the table on a phone)
        assertThat(js("return getComputedStyle(document.querySelector('#w1 .expression-help')).marginBottom")).isEqualTo("0px");
        assertThat(js("return getComputedStyle(document.querySelector('#w1 [data-gradients]')).marginTop"))
                .isEqualTo(js("return 0.7 * parseFloat(getComputedStyle(document.documentElement).fontSize) + 'px'"));
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void tableHeadersAndReadoutLabelsKeepTheCaseOfTheirMaths() {
        driver.get(server.url("/lessons/gradients"));
        wait.until(d -> d.findElements(By.cssSelector("#w1 [data-gradients] tbody tr")).size() == 3);
        // the text as drawn: an upper-case transform would turn ∂f/∂x into ∂F/∂X
        String head = driver.findElement(By.cssSelector("#w1 [data-gradients] thead")).getText();
        assertThat(head).contains("∂f/∂x").contains("∂f/∂y").contains("f evaluations").doesNotContain("∂F");
        Number transformed = (Number) js("return [...document.querySelectorAll('figure[data-widget] thead th, figure[data-widget] dt')]"
                + ".filter((e) => getComputedStyle(e).textTransform !== 'none').length");
        assertThat(transformed.intValue()).isZero();
    }

    @Test
    void landscapeTrapsMapsBasinsAndSwitchesTraps() {
        driver.get(server.url("/lessons/traps"));
        wait.until(d -> "true".equals(d.findElement(By.id("w1")).getAttribute("data-ready")));
        play("w1");
        wait.until(d -> button("w1", "play").getText().contains("Replay"));
        assertThat(points("w1", "contour", 3)).isGreaterThan(10);

        button("w1", "basins").click();
        wait.until(d -> driver.findElement(By.cssSelector("#w1 [data-summary]")).getText().contains("starts:"));
        Number filled = (Number) js("return document.querySelector('#w1 [data-chart=contour]').data[1].z.flat().filter(c => c !== null).length");
        assertThat(filled.intValue()).isEqualTo(400);
        String summary = driver.findElement(By.cssSelector("#w1 [data-summary]")).getText();
        assertThat(summary).contains("SGD from 400 starts").contains("global minimum").contains("local one");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("#w1 [data-control='scenario']")))
                .selectByValue("saddle");
        wait.until(d -> !d.findElement(By.cssSelector("#w1 [data-basin-bar]")).isDisplayed());
        play("w1");
        wait.until(d -> button("w1", "play").getText().contains("Replay"));
        assertThat(driver.findElement(By.cssSelector("#w1 [data-board]")).getText()).contains("SGD").contains("Momentum");
        assertThat(driver.getCurrentUrl()).contains("w1.trap=saddle");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void deepGradientsTrainsAndShowsTheVanishingGradient() {
        driver.get(server.url("/lessons/deep"));
        wait.until(d -> "true".equals(d.findElement(By.id("w1")).getAttribute("data-ready")));
        driver.findElement(By.cssSelector("#w1 [data-action='train']")).click();
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-summary]")).getText().startsWith("After 150 steps"));
        Number columns = (Number) js("return document.querySelector('#w1 [data-chart=heat]').data[0].z[0].length");
        Number rows = (Number) js("return document.querySelector('#w1 [data-chart=heat]').data[0].z.length");
        assertThat(columns.intValue()).isEqualTo(150);
        assertThat(rows.intValue()).isEqualTo(21);
        // deep sigmoid, large normal init: at the start the first layer's gradient is orders of magnitude below the last's
        double ratio = ((Number) js("const z = document.querySelector('#w1 [data-chart=heat]').data[0].z; return z[0][0] - z[20][0]")).doubleValue();
        assertThat(ratio).isLessThan(-3);
        assertThat(points("w1", "boundary", 1)).isGreaterThan(50);
        assertThat(driver.findElement(By.cssSelector("#w1 [data-action='stop']")).isDisplayed()).isFalse();

        // relu, He init and residual connections keep the gradients within a couple of orders
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("#w1 [data-control='activation']"))).selectByValue("relu");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("#w1 [data-control='init']"))).selectByValue("he");
        driver.findElement(By.cssSelector("#w1 [data-control='residual']")).click();
        driver.findElement(By.cssSelector("#w1 [data-action='train']")).click();
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-summary]")).getText().startsWith("After 150 steps"));
        double healthy = ((Number) js("const z = document.querySelector('#w1 [data-chart=heat]').data[0].z; return z[0][0] - z[20][0]")).doubleValue();
        assertThat(healthy).isGreaterThan(-2);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void trainDrawsTheFirstStepFetchedBeforeThePressAndStreamsTheRestFromStepTwo() {
        driver.get(server.url("/lessons/deep"));
        wait.until(d -> "true".equals(d.findElement(By.id("w1")).getAttribute("data-ready")));
        // the widget in view has fetched its training's first step (a one-step training)
        wait.until(d -> Boolean.TRUE.equals(js("return performance.getEntriesByType('resource')"
                + ".some(e => decodeURIComponent(e.name).includes('\"max_steps\":1') && e.responseEnd > 0)")));
        // the training's stream is held: whatever shows after the press was there before it
        js("""
                window.heldStreams = [];
                const real = window.fetch;
                window.fetch = (url, init) => String(url).includes('train/stream')
                  ? new Promise((resolve) => window.heldStreams.push({ url: String(url), release: () => resolve(real(url, init)) }))
                  : real(url, init);
                """);
        button("w1", "train").click();
        wait.until(d -> points("w1", "loss", 0) == 1);
        assertThat(iteration("w1")).isEqualTo(1);
        wait.until(d -> ((Number) js("return window.heldStreams.length")).intValue() == 1);
        assertThat((String) js("return window.heldStreams[0].url")).contains("from=1");
        assertThat(points("w1", "loss", 0)).isEqualTo(1);

        js("window.heldStreams.forEach(s => s.release())");
        wait.until(d -> d.findElement(By.cssSelector("#w1 [data-summary]")).getText().startsWith("After 150 steps"));
        @SuppressWarnings("unchecked")
        java.util.List<Number> steps = (java.util.List<Number>) js("return document.querySelector('#w1 [data-chart=loss]').data[0].x");
        assertThat(steps.stream().map(Number::intValue).toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 150).boxed().toList());
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aPhoneHasNoHorizontalScroll() {
        ChromeDriver phone = Browser.open(390, 844);
        try {
            WebDriverWait phoneWait = new WebDriverWait(phone, Duration.ofSeconds(15));
            for (String lesson : new String[] {"gallery", "schedules", "stopping", "batches", "diverging", "custom", "gradients", "traps", "deep"}) {
                phone.get(server.url("/lessons/" + lesson));
                Browser.startWidgets(phone);
                phoneWait.until(d -> Browser.js(phone, "return [...document.querySelectorAll('figure[data-widget]')].every(f => f.dataset.ready === 'true')").equals(true));
                assertThat(Browser.js(phone, "return window.innerWidth")).isEqualTo(390L);
                Number overflow = (Number) Browser.js(phone, "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow.intValue()).as(lesson).isLessThanOrEqualTo(0);
                // every chart fits inside its widget card
                Number sticking = (Number) Browser.js(phone, "return Math.max(0, ...[...document.querySelectorAll('figure[data-widget] .chart')]"
                        + ".map(c => c.getBoundingClientRect().right - c.closest('figure').getBoundingClientRect().right))");
                assertThat(sticking.doubleValue()).as(lesson).isLessThanOrEqualTo(0.5);
            }
        } finally {
            phone.quit();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
