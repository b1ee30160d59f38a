package io.downhill.browser;

import io.downhill.web.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Bytes a lesson costs a learner: a fresh browser opens it and waits 3 s without touching it, then
 * reloads it and waits 3 s again. Counted from the browser's resource timing (transfer sizes, so
 * gzip and the browser cache both show). Not part of the test run (its name does not end in Test):
 *
 * <pre>mvn -o -q test -Dtest=PageWeightBench [-Dbench.url=http://127.0.0.1:7070]</pre>
 *
 * Without {@code bench.url} it starts a server from the current build.
 */
class PageWeightBench {
    private static final List<String> LESSONS = List.of(
            "/lessons/what-gradient-descent-does", "/lessons/adaptive-methods", "/lessons/playground");

    private static final String BYTES = """
            const nav = performance.getEntriesByType('navigation')[0];
            const res = performance.getEntriesByType('resource');
            const big = res.filter((r) => r.transferSize > 20000)
              .map((r) => Math.round(r.transferSize / 1024) + ' KB ' + r.name.replace(/^https?:\\/\\/[^/]+/, '').slice(0, 70));
            return { total: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0), requests: res.length + 1,
                     streams: res.filter((r) => r.name.includes('/api/')).length, big: big.join('\\n    ') };
            """;

    @Test
    void lessonWeights() throws Exception {
        String base = System.getProperty("bench.url");
        TestServer server = base == null ? TestServer.start("") : null;
        try {
            for (String lesson : LESSONS) {
                String url = base == null ? server.url(lesson) : base + lesson;
                ChromeDriver driver = Browser.open(1280, 900);
                try {
                    driver.get(url);
                    Thread.sleep(3000);
                    Map<?, ?> first = (Map<?, ?>) Browser.js(driver, BYTES);
                    driver.navigate().refresh();
                    Thread.sleep(3000);
                    Map<?, ?> again = (Map<?, ?>) Browser.js(driver, BYTES);
                    System.out.printf("%-40s first load %7.1f KB in %s requests (%s API), reload %7.1f KB%n    %s%n",
                            lesson, ((Number) first.get("total")).doubleValue() / 1024, first.get("requests"),
                            first.get("streams"), ((Number) again.get("total")).doubleValue() / 1024, first.get("big"));
                } finally {
                    driver.quit();
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
