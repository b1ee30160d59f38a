package io.downhill.browser;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium driven by its own chromedriver, so nothing is ever downloaded. Without
 * the browser the tests are skipped on a developer machine, but under {@code CI=true} they fail.
 */
final class Browser {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private Browser() {}

    static ChromeDriver open(int width, int height) {
        return open(width, height, null);
    }

    /**
     * A browser whose commands do not wait for a page to finish loading (scripts, charts), so a
     * test can see when text first appears, as a reader does.
     */
    static ChromeDriver openWithoutWaitingForLoad(int width, int height) {
        return open(width, height, null, org.openqa.selenium.PageLoadStrategy.NONE);
    }

    /** With {@code downloads} set, files the page downloads land in that folder. */
    static ChromeDriver open(int width, int height, java.nio.file.Path downloads) {
        return open(width, height, downloads, org.openqa.selenium.PageLoadStrategy.NORMAL);
    }

    private static ChromeDriver open(int width, int height, java.nio.file.Path downloads,
                                     org.openqa.selenium.PageLoadStrategy strategy) {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but /usr/bin/chromium or /usr/bin/chromedriver is missing");
            }
            Assumptions.abort("Debian chromium and chromium-driver are not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.setPageLoadStrategy(strategy);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (width < 500) {
            // desktop Chrome will not make a window narrower than about 500 px; a phone needs emulation
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        if (downloads != null) {
            options.setExperimentalOption("prefs", java.util.Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Console messages at SEVERE level (errors, failed loads) since the last call. */
    static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * Starts every widget of the page now, as focus entering a widget does, rather than leaving the
     * ones out of sight to start seconds later when the page falls idle. Nothing is scrolled or played.
     */
    static void startWidgets(ChromeDriver driver) {
        js(driver, "document.querySelectorAll('figure[data-widget]:not([data-ready=true])')"
                + ".forEach((f) => f.dispatchEvent(new FocusEvent('focusin')))");
    }

    static Object js(ChromeDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
