package io.whalewatch.bootstrap.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard as the test sees it: reads through the DOM, waits with explicit conditions. */
final class DashboardPage {
    private final ChromeDriver driver;

    DashboardPage(ChromeDriver driver) {
        this.driver = driver;
    }

    ChromeDriver driver() {
        return driver;
    }

    String attribute(String css, String name) {
        return driver.findElement(By.cssSelector(css)).getAttribute(name);
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    boolean displayed(String css) {
        return driver.findElement(By.cssSelector(css)).isDisplayed();
    }

    List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#alerts tbody tr"));
    }

    /** alert_id -> [flow, status, displayed] of every row, read in one script (rows change under us). */
    @SuppressWarnings("unchecked")
    Map<Long, List<Object>> table() {
        List<List<Object>> raw = (List<List<Object>>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#alerts tbody tr')].map(r => [Number(r.dataset.alertId),"
                        + " r.dataset.flow, r.dataset.status, !r.hidden && r.offsetParent !== null]);");
        return raw.stream().collect(Collectors.toMap(r -> ((Number) r.get(0)).longValue(), r -> r.subList(1, 4), (a, b) -> a));
    }

    Set<Long> idsWhere(int column, Object value) {
        return table().entrySet().stream().filter(e -> value.equals(e.getValue().get(column)))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
        wait.withMessage(() -> what + "\n--- badges: conn=" + safe("#conn-state") + " health=" + safe("#health-state")
                + " note=" + safe("#filter-note") + "\n--- console:\n" + HeadlessChromium.console(driver));
        return wait.until(condition);
    }

    private String safe(String css) {
        try {
            return attribute(css, "data-state") + "/" + text(css);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }
}
