package io.whalewatch.bootstrap.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven through Debian's chromedriver: the driver path is given explicitly, so
 * Selenium Manager never runs and nothing is downloaded. Missing binaries fail the test (never a skip).
 */
final class HeadlessChromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static void requireInstalled() {
        for (Path p : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new AssertionError(p + " is missing: the dashboard test needs Debian's chromium and chromium-driver."
                        + " Run ./scripts/test.sh (it installs them), or: apt-get install chromium chromium-driver");
            }
        }
    }

    /** A headless browser with its profile and temporary files inside {@code dir}; window size in CSS pixels. */
    static ChromeDriver start(Path dir, int width, int height) throws Exception {
        requireInstalled();
        System.setProperty("webdriver.chrome.driver", DRIVER.toString()); // never Selenium Manager
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Path tmp = Files.createDirectories(dir.resolve("chromium-tmp"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TMPDIR", tmp.toString(), "SE_OFFLINE", "true", "SE_AVOID_STATS", "true"))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Console errors that are not failed requests (those are the server's to report): script errors. */
    static List<String> scriptErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource") && !m.contains("WebSocket connection to"))
                .toList();
    }

    /** The page's console output so far, for failure messages. */
    static String console(ChromeDriver driver) {
        try {
            StringBuilder out = new StringBuilder();
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                out.append(e.getLevel()).append(' ').append(e.getMessage()).append('\n');
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "(console unavailable: " + e.getMessage() + ")";
        }
    }
}
