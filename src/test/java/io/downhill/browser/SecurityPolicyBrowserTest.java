package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Content-Security-Policy as the browser applies it: the hashed theme script runs, scripts
 * slipped into the page do not, and Plotly's WebGL surface still draws without eval.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityPolicyBrowserTest {
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() {
        server = TestServer.start("/course");
        driver = Browser.open(1280, 900);
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

    @Test
    void theThemeScriptRunsAndInjectedScriptsDoNot() {
        driver.get(server.url("/lessons/what-gradient-descent-does"));
        assertThat(Browser.js(driver, "return document.documentElement.getAttribute('data-theme')")).isIn("light", "dark");
        assertThat(Browser.consoleErrors(driver)).isEmpty();

        Browser.js(driver, """
                window.__violations = [];
                document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));
                const s = document.createElement('script');
                s.textContent = 'window.__inline = 1';
                document.head.append(s);
                const b = document.createElement('button');
                b.setAttribute('onclick', 'window.__handler = 1');
                document.body.append(b);
                b.click();
                const a = document.createElement('a');
                a.href = 'javascript:window.__link = 1';
                document.body.append(a);
                a.click();
                """);
        wait.until(d -> ((Number) Browser.js(driver, "return window.__violations.length")).intValue() >= 3);
        // eval cannot be tried from here: the driver's own scripts are exempt from the policy
        assertThat(Browser.js(driver, "return [window.__inline, window.__handler, window.__link]"))
                .isEqualTo(java.util.Arrays.asList(null, null, null));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) Browser.js(driver, "return window.__violations");
        assertThat(violations).contains("script-src-elem", "script-src-attr");
        Browser.consoleErrors(driver);
    }

    @Test
    void plotlysSurfaceAndContourDrawUnderThePolicy() {
        driver.get(server.url("/lessons/playground"));
        wait.until(d -> !d.findElements(By.cssSelector("figure[data-widget='descent-2d'] .js-plotly-plot")).isEmpty());
        var surface = driver.findElement(By.cssSelector("figure[data-widget='descent-2d'] [data-control='surface']"));
        Browser.js(driver, "arguments[0].scrollIntoView({block: 'center'})", surface);
        surface.click();
        wait.until(d -> !d.findElements(By.cssSelector("figure[data-widget='descent-2d'] .gl-container, figure[data-widget='descent-2d'] canvas")).isEmpty());
        driver.findElement(By.cssSelector("figure[data-widget='descent-2d'] [data-action='play']")).click();
        wait.until(d -> !"0".equals(d.findElement(By.cssSelector("figure[data-widget='descent-2d'] [data-readout='t']")).getText()));
        List<String> errors = Browser.consoleErrors(driver);
        assertThat(errors).as("console errors, CSP violations included").isEmpty();
    }
}
