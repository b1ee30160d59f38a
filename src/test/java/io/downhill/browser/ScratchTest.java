package io.downhill.browser;

import io.downhill.web.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

class ScratchTest {
    @Test
    void scratch() throws Exception {
        try (TestServer server = TestServer.start("")) {
            var driver = Browser.open(1280, 900);
            try {
                driver.get(server.url("/lessons/what-gradient-descent-does"));
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Browser.js(driver, "return document.querySelectorAll('figure[data-ready=true]').length").equals(2L));
                var fig = driver.findElement(By.id("w1"));
                Browser.js(driver, "arguments[0].scrollIntoView()", fig);
                driver.findElement(By.cssSelector("#w1 [data-action='play']")).click();
                Thread.sleep(2500);
                Files.write(Path.of("/tmp/s1.png"), driver.getScreenshotAs(OutputType.BYTES));
                driver.findElement(By.cssSelector(".theme-toggle")).click();
                var fig2 = driver.findElement(By.id("w2"));
                Browser.js(driver, "arguments[0].scrollIntoView()", fig2);
                driver.findElement(By.cssSelector("#w2 [data-action='play']")).click();
                Thread.sleep(3000);
                Files.write(Path.of("/tmp/s2.png"), driver.getScreenshotAs(OutputType.BYTES));
                driver.findElement(By.cssSelector(".theme-toggle")).click();
                driver.manage().window().setSize(new Dimension(390, 844));
                driver.get(server.url("/lessons/the-learning-rate"));
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Browser.js(driver, "return document.querySelectorAll('figure[data-ready=true]').length").equals(1L));
                Browser.js(driver, "arguments[0].scrollIntoView()", driver.findElement(By.id("w1")));
                driver.findElement(By.cssSelector("#w1 [data-action='play']")).click();
                Thread.sleep(3500);
                Files.write(Path.of("/tmp/s3.png"), driver.getScreenshotAs(OutputType.BYTES));
                Browser.js(driver, "window.scrollBy(0, 600)");
                Thread.sleep(300);
                Files.write(Path.of("/tmp/s4.png"), driver.getScreenshotAs(OutputType.BYTES));
                System.out.println("ERRORS " + Browser.consoleErrors(driver));
            } finally {
                driver.quit();
            }
        }
    }
}
