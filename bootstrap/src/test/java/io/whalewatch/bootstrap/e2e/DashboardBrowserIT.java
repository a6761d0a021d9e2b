package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real headless Chromium against a running {@code demo}: the printed
 * {@code ?token=} URL logs in, the WebSocket connects, rows appear, a flow filter hides the other
 * flows (and the server stops sending them), a row's status changes when its block is mined,
 * the three charts draw data, the degraded banner stays hidden while healthy, nothing is loaded
 * from another site; a refused token asks for one, a pasted read-only token reconnects and filters
 * in the browser only. Screenshots at laptop and phone width land in {@code target/dashboard.png}
 * and {@code target/dashboard-phone.png} (and {@code target/dashboard-failure.png} on failure).
 */
class DashboardBrowserIT {
    static final Duration SHORT = Duration.ofSeconds(20);
    static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theDashboardShowsLiveAlertsFiltersUpdatesAndCharts() throws Exception {
        HeadlessChromium.requireInstalled();
        Path ports = dir.resolve("ports.json");
        try (JarProcess demo = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                "WEB_PORTS_FILE", ports.toString(), "DB_PATH", dir.resolve("demo.db").toString(),
                "SIM_TX_RATE", "20", "SIM_WHALE_SHARE", "0.05", "SIM_BLOCK_INTERVAL_SECONDS", "3"), "demo")) {
            String token = demo.awaitStdout("TOKEN=(\\S+)", LONG);
            JsonNode bound = E2e.awaitPorts(ports, demo);
            ChromeDriver driver = HeadlessChromium.start(dir, 1366, 1000);
            try {
                DashboardPage page = new DashboardPage(driver);
                driver.get("http://127.0.0.1:" + bound.get("api_port").asInt() + "/?token=" + token);
                logsInAndConnects(page, token);
                rowsAppearAndAStatusChanges(page);
                chartsRenderAndHealthIsQuiet(page);
                DashboardFilterChecks.aFlowFilterHidesOtherFlowsHereAndOnTheServer(page);
                screenshots(page);
                aRefusedTokenAsksForOneAndAPastedTokenReconnects(page, readOnlyToken());
                DashboardFilterChecks.aReadOnlyTokenFiltersInTheBrowserOnly(page);
            } catch (AssertionError | RuntimeException e) {
                Files.write(Path.of("target", "dashboard-failure.png"), new DashboardPage(driver).screenshot());
                throw new AssertionError(e.getMessage() + "\n--- demo\n" + demo.describe(), e);
            } finally {
                driver.quit();
            }
        }
    }

    private static void logsInAndConnects(DashboardPage page, String token) {
        page.await("connection badge never said connected", SHORT,
                d -> "connected".equals(page.attribute("#conn-state", "data-state")));
        assertThat(page.text("#conn-state")).isEqualTo("live");
        assertThat(page.driver().getCurrentUrl()).as("token removed from the address bar").doesNotContain("token=");
        assertThat(page.script("return localStorage.getItem('jwt_token')")).isEqualTo(token);
        assertThat(page.displayed("#auth-banner")).isFalse();
        Object offSite = page.script("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => !n.startsWith(location.origin + '/'));");
        assertThat((List<?>) offSite).as("no CDN: every file and call goes to this server").isEmpty();
        page.await("the history was not read again once the alert socket was welcomed (outcome changes in between"
                + " would be missed)", SHORT, d -> ((Number) page.script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/predictions?')).length;")).intValue() >= 2);
    }

    private static void rowsAppearAndAStatusChanges(DashboardPage page) {
        page.await("fewer than 3 alert rows", LONG, d -> page.rows().size() >= 3);
        Set<Long> pending = page.idsWhere(1, "pending");
        // the set the wait saw: read again afterwards, every row may have been confirmed meanwhile
        Set<Long> watched = pending.isEmpty() ? page.await("no pending row to watch", LONG, d -> {
            Set<Long> now = page.idsWhere(1, "pending");
            return now.isEmpty() ? null : now;
        }) : pending;
        Long changed = page.await("no watched row left 'pending' (alert_update) among " + watched, LONG, d -> {
            Map<Long, List<Object>> now = page.table();
            return watched.stream().filter(id -> now.containsKey(id) && !"pending".equals(now.get(id).get(1)))
                    .findFirst().orElse(null);
        });
        WebElement status = page.driver().findElement(By.cssSelector("#alerts tr[data-alert-id='" + changed + "'] td.statuscell"));
        assertThat(status.getText()).containsAnyOf("confirmed", "replaced", "dropped");
        if (status.getText().contains("confirmed")) {
            assertThat(status.getText()).containsPattern("#\\d+");
        }
        List<WebElement> first = page.rows().get(0).findElements(By.cssSelector("td"));
        assertThat(first).hasSize(10);
        assertThat(first.get(1).findElement(By.tagName("a")).getAttribute("title")).matches("[0-9a-f]{64}");
        assertThat(first.get(4).getText()).matches("[\\d,]+\\.\\d\\d");
    }

    private static void chartsRenderAndHealthIsQuiet(DashboardPage page) {
        page.await("alerts-per-hour chart without bars", LONG, d -> "data".equals(page.attribute("#chart-volume", "data-state")));
        assertThat(page.driver().findElements(By.cssSelector("#chart-volume svg rect[data-series=alerts]"))).isNotEmpty();
        page.await("flows chart without bars", LONG, d -> "data".equals(page.attribute("#chart-flows", "data-state")));
        assertThat(page.driver().findElements(By.cssSelector("#chart-flows svg rect[data-series]"))).isNotEmpty();
        assertThat(page.text("#chart-flows")).contains("inflow", "outflow", "BTC");
        List<WebElement> windows = page.await("accuracy chart without its three windows", SHORT, d -> {
            List<WebElement> w = page.driver().findElements(By.cssSelector("#chart-accuracy svg g[data-window]"));
            return w.size() == 3 ? w : null;
        });
        assertThat(windows).extracting(w -> w.getAttribute("data-window")).containsExactly("1h", "24h", "7d");
        for (WebElement w : windows) {
            boolean sufficient = "true".equals(w.getAttribute("data-sufficient"));
            assertThat(sufficient ? w.findElements(By.cssSelector("rect[data-series=accuracy]")) : List.of(w))
                    .as("window %s shows bars or 'not enough samples'", w.getAttribute("data-window")).isNotEmpty();
            if (!sufficient) {
                assertThat(w.getText()).contains("not enough samples");
            }
        }
        assertThat(HeadlessChromium.scriptErrors(page.driver())).as("JavaScript errors in the console").isEmpty();
        page.await("health never polled healthy", SHORT, d -> "healthy".equals(page.attribute("#health-state", "data-state")));
        assertThat(page.displayed("#health-banner")).as("degraded banner hidden while healthy").isFalse();
    }

    private static void screenshots(DashboardPage page) throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "dashboard.png"), page.screenshot());
        page.driver().manage().window().setSize(new Dimension(390, 844));
        page.await("phone layout", SHORT, d -> !page.displayed("#alerts thead"));
        Number overflow = (Number) page.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("no horizontal scrolling at phone width").isLessThanOrEqualTo(0);
        Files.write(Path.of("target", "dashboard-phone.png"), page.screenshot());
        page.driver().manage().window().setSize(new Dimension(1366, 1000));
        page.await("laptop layout", SHORT, d -> page.displayed("#alerts thead"));
    }

    private String readOnlyToken() throws Exception {
        try (JarProcess cli = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET), "token", "create", "analyst", "--permissions", "read")) {
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.describe()).isZero();
            return cli.stdout().trim();
        }
    }

    private static void aRefusedTokenAsksForOneAndAPastedTokenReconnects(DashboardPage page, String token) {
        page.script("localStorage.setItem('jwt_token', 'not-a-token'); location.reload();");
        page.await("a refused token never showed 'unauthorized'", SHORT,
                d -> "unauthorized".equals(page.attribute("#conn-state", "data-state")) && page.displayed("#auth-banner"));
        assertThat(page.displayed("#token-input")).as("the token field is offered").isTrue();
        page.driver().findElement(By.id("token-input")).sendKeys(token);
        page.click("#token-form button[type=submit]");
        page.await("a pasted token never reconnected", SHORT, d -> "connected".equals(page.attribute("#conn-state", "data-state")));
        assertThat(page.displayed("#auth-banner")).isFalse();
        assertThat(page.script("return localStorage.getItem('jwt_token')")).isEqualTo(token);
        page.await("rows after logging in again", SHORT, d -> page.rows().size() >= 3);
    }
}
