package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a learner sees: the course in a real browser, under a base path like behind a proxy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LessonBrowserTest {
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() {
        server = TestServer.start("/course");
        driver = Browser.open(1280, 900);
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
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
    void freshStorage() {
        driver.get(server.url("/"));
        Browser.js(driver, "localStorage.clear()");
        Browser.consoleErrors(driver);
    }

    @Test
    void followALessonFromTheIndexAndSeeRenderedMaths() {
        driver.get(server.url("/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Downhill");
        driver.findElement(By.cssSelector(".lesson-card a[data-lesson='what-gradient-descent-does']")).click();

        wait.until(ExpectedConditions.urlToBe(server.url("/lessons/what-gradient-descent-does")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("What gradient descent does");
        // formulas are drawn a slice at a time; the page says when the last one is
        wait.until(d -> "ready".equals(Browser.js(driver, "return document.documentElement.dataset.maths")));
        assertThat(driver.findElements(By.cssSelector(".math-display .katex-display"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".math-inline .katex"))).hasSizeGreaterThan(10);
        assertThat(driver.findElements(By.cssSelector(".math-inline:not(:has(> .katex))"))).isEmpty();
        // highlight.js coloured the Python sample
        wait.until(d -> !d.findElements(By.cssSelector("pre code.hljs .hljs-keyword")).isEmpty());
        // the current lesson is marked in the sidebar
        WebElement current = driver.findElement(By.cssSelector(".sidebar a[aria-current='page']"));
        assertThat(current.getText()).isEqualTo("What gradient descent does");

        driver.findElement(By.cssSelector(".pager a[rel='next']")).click();
        wait.until(ExpectedConditions.urlToBe(server.url("/lessons/the-learning-rate")));
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void formulasAreDrawnBeforeTheTextAroundThemIsShownSoNothingJumps() {
        // this lesson opens with display maths on the first screen: drawn after the first paint,
        // it grew from one line of TeX to a fraction and pushed the text below it down (0.14 of the screen)
        driver.get(server.url("/lessons/momentum-and-nesterov"));
        wait.until(d -> "ready".equals(Browser.js(driver, "return document.documentElement.dataset.maths")));
        Number shifted = (Number) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                document.fonts.ready.then(() => setTimeout(() => {
                  let sum = 0;
                  new PerformanceObserver((list) => {
                    for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
                  }).observe({ type: 'layout-shift', buffered: true });
                  setTimeout(() => done(sum), 100);
                }, 500));
                """);
        assertThat(shifted.doubleValue()).as("layout shift while the page opened").isLessThan(0.01);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void theContentsTypesetAHeadingsMathsAsTheHeadingDoes() {
        // the contents showed the TeX source: "Rosenbrock: (1 - x)^2 + 100\,(y - x^2)^2"
        driver.get(server.url("/lessons/playground"));
        wait.until(d -> "ready".equals(Browser.js(driver, "return document.documentElement.dataset.maths")));
        org.openqa.selenium.WebElement entry = driver.findElement(By.cssSelector(".toc a[href='#rosenbrock']"));
        assertThat(entry.findElements(By.cssSelector(".katex"))).hasSize(1);
        assertThat(entry.getText()).startsWith("Rosenbrock:").doesNotContain("\\").doesNotContain("^");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void themeToggleSwitchesAndPersistsAcrossPages() {
        driver.get(server.url("/lessons/the-learning-rate"));
        String before = (String) Browser.js(driver, "return document.documentElement.dataset.theme");
        String background = driver.findElement(By.tagName("body")).getCssValue("background-color");

        driver.findElement(By.cssSelector(".theme-toggle")).click();
        String after = (String) Browser.js(driver, "return document.documentElement.dataset.theme");
        assertThat(after).isNotEqualTo(before).isIn("light", "dark");
        assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color")).isNotEqualTo(background);

        driver.get(server.url("/"));
        assertThat(Browser.js(driver, "return document.documentElement.dataset.theme")).isEqualTo(after);
        assertThat(Browser.js(driver, "return localStorage.getItem('downhill-theme')")).isEqualTo(after);
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void phoneWidthHasNoHorizontalScrollAndADrawer() {
        ChromeDriver phone = Browser.open(390, 844);
        try {
            phone.get(server.url("/lessons/what-gradient-descent-does"));
            new WebDriverWait(phone, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector(".math-display .katex-display")).isEmpty());
            assertThat(Browser.js(phone, "return window.innerWidth")).isEqualTo(390L);
            Number overflow = (Number) Browser.js(phone,
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
            WebElement sidebar = phone.findElement(By.id("sidebar"));
            assertThat(sidebar.isDisplayed()).isFalse();
            phone.findElement(By.cssSelector(".menu-button")).click();
            assertThat(sidebar.isDisplayed()).isTrue();
            assertThat(phone.findElement(By.cssSelector(".menu-button")).getAttribute("aria-expanded")).isEqualTo("true");
        } finally {
            phone.quit();
        }
    }

    @Test
    void skipLinkIsTheFirstTabStop() {
        driver.get(server.url("/lessons/the-learning-rate"));
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.isDisplayed()).isTrue();
    }

    @Test
    void searchShowsResultsAsYouTypeAndTheKeyboardOpensOne() {
        driver.get(server.url("/"));
        WebElement box = driver.findElement(By.id("site-search-q"));
        box.sendKeys("saddle");
        wait.until(d -> !d.findElements(By.cssSelector(".search-popup a")).isEmpty());
        WebElement first = driver.findElement(By.cssSelector(".search-popup a"));
        assertThat(first.getText()).contains("Convergence challenges");
        assertThat(driver.findElements(By.cssSelector(".search-popup mark"))).isNotEmpty();
        box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertThat(driver.switchTo().activeElement().getAttribute("href")).isEqualTo(first.getAttribute("href"));
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/course/lessons/convergence-challenges#"));
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void progressTicksVisitedLessonsAndQuizzesUntilReset() {
        driver.get(server.url("/lessons/the-learning-rate"));
        WebElement quiz = driver.findElement(By.cssSelector("[data-quiz]"));
        int answer = Integer.parseInt(quiz.getAttribute("data-answer"));
        quiz.findElements(By.cssSelector(".quiz-choice")).get(answer).click();
        assertThat(quiz.findElement(By.cssSelector(".quiz-verdict")).getText()).isEqualTo("Right.");
        assertThat(quiz.findElement(By.cssSelector(".quiz-explanation")).isDisplayed()).isTrue();

        driver.get(server.url("/"));
        assertThat(driver.findElement(By.cssSelector(".sidebar a[data-lesson='the-learning-rate']")).getAttribute("class"))
                .contains("is-visited");
        assertThat(driver.findElement(By.cssSelector(".sidebar a[data-lesson='adaptive-methods']")).getAttribute("class"))
                .doesNotContain("is-visited");
        driver.get(server.url("/lessons/the-learning-rate"));
        assertThat(driver.findElement(By.cssSelector("[data-quiz]")).getAttribute("class")).contains("was-answered");

        driver.findElement(By.cssSelector("[data-progress-reset]")).click();
        assertThat(driver.findElement(By.cssSelector(".sidebar a[data-lesson='the-learning-rate']")).getAttribute("class"))
                .doesNotContain("is-visited");
        assertThat(Browser.js(driver, "return localStorage.getItem('downhill-progress')")).isNull();
    }

    @Test
    void notFoundPageIsStyled() {
        driver.get(server.url("/lessons/missing"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(driver.findElement(By.cssSelector(".site-header")).isDisplayed()).isTrue();
    }
}
