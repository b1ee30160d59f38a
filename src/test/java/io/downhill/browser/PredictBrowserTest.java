package io.downhill.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.downhill.web.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Predict, then check, in the bundled course: answer from the keyboard, play, see the reveal, see it counted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PredictBrowserTest {
    private TestServer server;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() {
        server = TestServer.start("");
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

    private void open(String slug) {
        driver.get(server.url("/lessons/" + slug));
        wait.until(d -> Browser.js(driver, "return document.querySelectorAll('figure[data-widget]:not([data-ready=true])').length").equals(0L));
    }

    private WebElement in(WebElement box, String css) {
        return box.findElement(By.cssSelector(css));
    }

    @Test
    void aPredictionAnsweredFromTheKeyboardIsRevealedWhenTheRunEndsAndCountsInProgress() {
        open("the-learning-rate");
        Browser.js(driver, "localStorage.clear()");
        driver.navigate().refresh();
        wait.until(d -> Browser.js(driver, "return document.querySelector('figure[data-widget=lr-compare]').dataset.ready === 'true'"));
        WebElement summary = driver.findElement(By.cssSelector("[data-progress-summary]"));
        assertThat(summary.isDisplayed()).isFalse();

        WebElement figure = driver.findElement(By.cssSelector("figure[data-widget=lr-compare]"));
        WebElement box = in(figure, "fieldset.predict");
        assertThat(in(box, "legend").getText()).contains("What will the run with learning rate 0.5 do");
        assertThat(in(box, "[data-predict-verdict]").isDisplayed()).isFalse();
        assertThat(in(box, "[data-predict-why]").isDisplayed()).isFalse();

        // keyboard: focus the first choice, arrow down to the second, which selects it
        WebElement firstChoice = box.findElements(By.cssSelector("input[type=radio]")).get(0);
        Browser.js(driver, "arguments[0].focus()", firstChoice);
        firstChoice.sendKeys(Keys.SPACE);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        WebElement bounce = box.findElements(By.cssSelector("input[type=radio]")).get(1);
        assertThat(bounce.isSelected()).isTrue();
        assertThat(in(box, "[data-predict-hint]").getText())
                .isEqualTo("Your prediction: Bounce between two points forever. Now run the widget to check it.");
        assertThat(in(box, "[data-predict-verdict]").isDisplayed()).as("no answer before the run ends").isFalse();

        in(figure, "[data-action=play]").click();
        wait.until(d -> in(box, "[data-predict-verdict]").isDisplayed());
        assertThat(Long.parseLong(in(figure, "[data-readout=t]").getText())).isEqualTo(60);
        assertThat(in(box, "[data-predict-verdict]").getText()).isEqualTo("Your prediction was right: Bounce between two points forever.");
        assertThat(in(box, "[data-predict-why]").getText()).startsWith("Along y the factor is 1 − 4 · 0.5 = −1");
        assertThat(bounce.isEnabled()).isFalse();
        assertThat(bounce.findElement(By.xpath("..")).getAttribute("class")).contains("is-right");

        assertThat(summary.isDisplayed()).isTrue();
        assertThat(summary.getText()).isEqualTo("Quick checks answered: 0. Predictions made: 1 (1 right).");
        assertThat(Browser.js(driver, "return JSON.parse(localStorage.getItem('downhill-progress')).predictions[arguments[0]].right",
                "the-learning-rate-" + figure.getAttribute("id"))).isEqualTo(true);

        // the next page shows the count in the sidebar and marks the widget as predicted before
        open("the-learning-rate");
        assertThat(driver.findElement(By.cssSelector("[data-progress-summary]")).getText())
                .isEqualTo("Quick checks answered: 0. Predictions made: 1 (1 right).");
        assertThat(driver.findElement(By.cssSelector("figure[data-widget=lr-compare] fieldset.predict")).getAttribute("class"))
                .contains("was-predicted");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aLearnerCanSkipThePredictionOrAskForTheAnswer() {
        open("what-gradient-descent-does");
        WebElement figure = driver.findElement(By.cssSelector("figure[data-widget=descent-2d]"));
        WebElement box = in(figure, "fieldset.predict");
        // just running it is allowed, and reveals nothing by itself
        WebElement play = in(figure, "[data-action=play]");
        assertThat(play.isEnabled()).isTrue();
        in(box, "[data-predict-show]").click();
        assertThat(in(box, "[data-predict-verdict]").getText()).isEqualTo("Answer: y.");
        assertThat(in(box, "[data-predict-why]").isDisplayed()).isTrue();
        assertThat(in(box, "[data-predict-show]").isDisplayed()).isFalse();
        assertThat(box.findElements(By.cssSelector("input[type=radio]"))).allMatch(r -> !r.isEnabled());
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }
}
