package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.ServerOptions;
import io.downhill.web.TestServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A widget whose requests are refused because its address is busy (a class behind one NAT) says
 * so in plain words and retries by itself until it gets its runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusyServerBrowserTest {
    private TestServer server;
    private ChromeDriver driver;

    @BeforeAll
    void start() {
        Path gallery = Path.of("src/test/resources/courses/widgets").toAbsolutePath();
        // one open computing response per address: the page shares it with the test's slow stream
        server = TestServer.start(new ServerOptions("127.0.0.1", 0, gallery, "/course", false, false).withStreamLimits(100, 1));
        driver = Browser.open(1280, 1000);
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

    @Test
    void aRefusedWidgetSaysTheServerIsBusyAndRetriesUntilItHasItsRun() throws Exception {
        String longRun = "{\"problem\":{\"name\":\"rosenbrock\"},\"optimizer\":{\"name\":\"adam\",\"lr\":0.0001},\"stop\":{\"max_steps\":20000}}";
        URI uri = URI.create(server.url("/api/runs/stream?spec=" + URLEncoder.encode(longRun, StandardCharsets.UTF_8)));
        Socket hog = new Socket();
        try {
            hog.setReceiveBufferSize(4096);
            hog.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5000);
            hog.getOutputStream().write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = hog.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");

            driver.get(server.url("/lessons/gallery"));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            wait.until(d -> d.findElements(By.cssSelector("figure[data-widget] [data-summary]")).stream()
                    .anyMatch(e -> e.getText().contains("The server is busy")));
        } finally {
            hog.close();
        }
        // the slot is free again: every widget gets its data and its first run by itself
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> Browser.js(driver, "return [...document.querySelectorAll('figure[data-widget]')].every(f => f.dataset.ready === 'true')").equals(true));
        wait.until(d -> d.findElements(By.cssSelector("figure[data-widget] [data-summary]")).stream()
                .noneMatch(e -> e.getText().contains("busy") || e.getText().contains("could not")));
        assertThat(Browser.js(driver, "return document.querySelector('#w1 [data-chart] .js-plotly-plot, #w1 .js-plotly-plot') !== null")).isEqualTo(true);
    }
}
