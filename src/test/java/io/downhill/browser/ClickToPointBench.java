package io.downhill.browser;

import io.downhill.web.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * How long a learner waits between pressing a widget's main button (Play, Train) and seeing the
 * first new point drawn, on every widget of every lesson: three presses on the default setting,
 * then three right after a slider moved one notch, each from the widget at rest (started, its runs
 * in). Timed inside the page, from the click to the animation frame in which a chart's data first
 * differs. Not part of the test run (its name does not
 * end in Test):
 *
 * <pre>mvn -o -q test -Dtest=ClickToPointBench [-Dbench.url=http://127.0.0.1:7070] [-Dbench.lessons=playground,when-to-stop] [-Dbench.presses=3]</pre>
 *
 * <p>Besides the p50/p95 over every press, it names the widgets whose own p95 (over their presses
 * of both kinds) is above 100 ms.
 */
class ClickToPointBench {
    /** Resolves with the milliseconds from the click to the first changed chart (not its faint whole-run preview), or -1 after 5 s. */
    private static final String PRESS = """
            const [fig, change, done] = arguments;
            const signature = () => [...fig.querySelectorAll('.js-plotly-plot')].map((gd) => (gd.data || []).filter((t) => t.meta !== 'ghost').map((t) => {
              const xs = t.x || t.y || t.z || [];
              const n = xs.length;
              return n + ':' + (n ? String(t.x ? t.x[n - 1] : '') + ',' + String(t.y ? t.y[n - 1] : '') : '');
            }).join('|')).join('#');
            // the main button: Play or Train where the widget has one (a function box's own button comes first in the page)
            const button = fig.querySelector('[data-action="play"]') ?? fig.querySelector('[data-action="train"]') ?? fig.querySelector('button.primary');
            if (!button) { done(-2); return; }
            if (change) {
              const slider = fig.querySelector('input[type=range]:not([disabled])');
              if (!slider) { done(-3); return; }
              if (Number(slider.value) >= Number(slider.max)) slider.stepDown(); else slider.stepUp();
              slider.dispatchEvent(new Event('input', { bubbles: true }));
              slider.dispatchEvent(new Event('change', { bubbles: true }));
            }
            const before = signature();
            const t0 = performance.now();
            button.click();
            const poll = () => {
              try {
                if (signature() !== before) done(performance.now() - t0);
                else if (performance.now() - t0 > 5000) done(-1);
                else requestAnimationFrame(poll);
              } catch (error) {
                done(-4);
              }
            };
            requestAnimationFrame(poll);
            """;
    /** Stops whatever the press started, so the next press starts from rest. */
    private static final String STOP = """
            const fig = arguments[0];
            const stop = fig.querySelector('[data-action="stop"]:not([hidden])');
            const play = fig.querySelector('[data-action="play"][aria-pressed="true"]');
            if (stop) stop.click();
            if (play) play.click();
            """;

    @Test
    void clickToFirstPoint() throws Exception {
        String base = System.getProperty("bench.url");
        TestServer server = base == null ? TestServer.start("") : null;
        String root = base == null ? server.url("") : base + "/";
        ChromeDriver driver = Browser.open(1280, 900);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
        List<Double> fresh = new ArrayList<>();
        List<Double> changed = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        int measured = 0;
        try {
            driver.get(root);
            Matcher links = Pattern.compile("href=\"[^\"]*?/lessons/([a-z0-9-]+)\"").matcher(driver.getPageSource());
            List<String> lessons = new ArrayList<>();
            while (links.find()) {
                if (!lessons.contains(links.group(1))) {
                    lessons.add(links.group(1));
                }
            }
            String only = System.getProperty("bench.lessons");
            if (only != null) {
                lessons.retainAll(List.of(only.split(",")));
            }
            for (String lesson : lessons) {
                driver.get(root.replaceAll("/$", "") + "/lessons/" + lesson);
                List<WebElement> widgets = driver.findElements(By.cssSelector("figure.widget[data-widget]"));
                for (WebElement widget : widgets) {
                    Browser.js(driver, "arguments[0].scrollIntoView({block: 'center'})", widget);
                    waitForCharts(driver, widget);
                    double[] a = presses(driver, widget, false);
                    double[] b = presses(driver, widget, true);
                    Arrays.stream(a).filter(v -> v >= 0).forEach(fresh::add);
                    Arrays.stream(b).filter(v -> v >= 0).forEach(changed::add);
                    List<Double> own = java.util.stream.DoubleStream.concat(Arrays.stream(a), Arrays.stream(b)).filter(v -> v >= 0).boxed().toList();
                    double ownP95 = pct(own, 95);
                    if (!own.isEmpty()) {
                        measured++;
                        if (ownP95 > 100) {
                            slow.add(String.format(Locale.ROOT, "%s %s (%s) %.0f ms", lesson, widget.getAttribute("data-widget"), widget.getAttribute("id"), ownP95));
                        }
                    }
                    System.out.printf(Locale.ROOT, "%-28s %-18s press %s   after a change %s   p95 %.0f ms%n", lesson, widget.getAttribute("data-widget"),
                            show(a), show(b), ownP95);
                }
            }
        } finally {
            driver.quit();
            if (server != null) {
                server.close();
            }
        }
        List<Double> all = new ArrayList<>(fresh);
        all.addAll(changed);
        System.out.printf(Locale.ROOT, "click to first new point: p50 %.0f ms, p95 %.0f ms over %d presses (default setting p95 %.0f ms,"
                + " after a change p95 %.0f ms)%n", pct(all, 50), pct(all, 95), all.size(), pct(fresh, 95), pct(changed, 95));
        System.out.printf(Locale.ROOT, "widgets whose own p95 is above 100 ms: %d of %d%s%n", slow.size(), measured,
                slow.isEmpty() ? "" : ": " + String.join("; ", slow));
    }

    private static double[] presses(ChromeDriver driver, WebElement widget, boolean change) throws InterruptedException {
        double[] times = new double[Integer.getInteger("bench.presses", 3)];
        for (int i = 0; i < times.length; i++) {
            try {
                times[i] = ((Number) driver.executeAsyncScript(PRESS, widget, change)).doubleValue();
            } catch (org.openqa.selenium.ScriptTimeoutException e) {
                times[i] = -1; // no new point within the script's time
            }
            Thread.sleep(400);
            try {
                Browser.js(driver, STOP, widget);
            } catch (org.openqa.selenium.ScriptTimeoutException e) {
                System.out.println("    the page did not answer for 15 s after a press");
            }
            Thread.sleep(200);
        }
        return times;
    }

    /**
     * Waits for the widget at rest: started, its charts drawn, and its runs' steps in (a widget
     * started while the page was idle opens its streams only once scrolled into view).
     */
    private static void waitForCharts(ChromeDriver driver, WebElement widget) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Object ready = Browser.js(driver, "const f = arguments[0]; return f.dataset.ready === 'true' && f.widget?.player?.finished !== false"
                    + " && [...f.querySelectorAll('.js-plotly-plot')].some((gd) => (gd.data || []).length > 0)", widget);
            if (Boolean.TRUE.equals(ready)) {
                Thread.sleep(300);
                return;
            }
            Thread.sleep(100);
        }
    }

    private static String show(double[] times) {
        return String.join(" ", Arrays.stream(times).mapToObj(t -> t == -1 ? "  none" : t < 0 ? "    - " : String.format(Locale.ROOT, "%4.0fms", t)).toList());
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
