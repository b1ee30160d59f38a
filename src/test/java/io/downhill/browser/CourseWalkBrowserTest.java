package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner reads the whole course by its "Next" links: every page loads without console errors,
 * its widgets start and its maths renders, and no internal link on the way is broken.
 */
class CourseWalkBrowserTest {

    @Test
    void walkTheWholeCourseByItsNextLinks() {
        try (TestServer server = TestServer.start("/course")) {
            ChromeDriver driver = Browser.open(1280, 900);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                driver.get(server.url("/"));
                driver.findElement(By.cssSelector(".course-hero a.button")).click();
                List<String> visited = new ArrayList<>();
                Set<String> links = new LinkedHashSet<>();
                while (true) {
                    String url = driver.getCurrentUrl().replaceAll("#.*$", "");
                    visited.add(url);
                    int widgets = driver.findElements(By.cssSelector("figure[data-widget]")).size();
                    // the widgets out of sight would start by themselves once the page is idle: start them now
                    Browser.startWidgets(driver);
                    wait.until(d -> d.findElements(By.cssSelector("figure[data-widget][data-ready=true]")).size() == widgets);
                    if (!driver.findElements(By.cssSelector(".math-inline")).isEmpty()) {
                        wait.until(d -> "ready".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.documentElement.dataset.maths")));
                    }
                    assertThat(driver.findElements(By.cssSelector(".katex-error"))).as("KaTeX errors on " + url).isEmpty();
                    assertThat(driver.findElements(By.cssSelector(".widget-error"))).as(url).isEmpty();
                    assertThat(Browser.consoleErrors(driver)).as("console errors on " + url).isEmpty();
                    for (WebElement a : driver.findElements(By.cssSelector("a[href]"))) {
                        String href = a.getAttribute("href");
                        if (href.startsWith(server.root())) {
                            links.add(href.replaceAll("#.*$", ""));
                        }
                    }
                    List<WebElement> next = driver.findElements(By.cssSelector(".pager a[rel='next']"));
                    if (next.isEmpty()) {
                        break;
                    }
                    next.get(0).click();
                    wait.until(d -> !d.getCurrentUrl().replaceAll("#.*$", "").equals(url));
                }
                assertThat(visited).hasSize(13);
                assertThat(visited.get(visited.size() - 1)).endsWith("/course/lessons/authoring-guide");
                for (String link : links) {
                    int status = TestServer.send(HttpRequest.newBuilder(URI.create(link)).GET()).statusCode();
                    assertThat(status).as(link).isEqualTo(200);
                }
            } finally {
                driver.quit();
            }
        }
    }
}
