package io.whalewatch.bootstrap.e2e;

import static io.whalewatch.bootstrap.e2e.DashboardBrowserIT.LONG;
import static io.whalewatch.bootstrap.e2e.DashboardBrowserIT.SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;

/** The dashboard's filters as {@link DashboardBrowserIT} checks them: locally, on the server, and read-only. */
final class DashboardFilterChecks {
    private static final List<String> FLOWS = List.of("inflow", "outflow", "internal", "unknown");

    private DashboardFilterChecks() {
    }

    static void aFlowFilterHidesOtherFlowsHereAndOnTheServer(DashboardPage page) {
        // Keep the most frequent flow: new alerts of it arrive soonest once the server filters.
        String kept = page.await("rows of two different flows", LONG, d -> {
            Map<Object, Long> flows = page.table().values().stream()
                    .collect(Collectors.groupingBy(r -> r.get(0), Collectors.counting()));
            return flows.size() >= 2 ? (String) Collections.max(flows.entrySet(), Map.Entry.comparingByValue()).getKey() : null;
        });
        for (String flow : FLOWS) {
            if (!flow.equals(kept)) {
                page.click("#filters input[name=flow][value=" + flow + "]");
            }
        }
        page.await("rows of other flows still shown", SHORT, d -> page.table().values().stream()
                .allMatch(r -> kept.equals(r.get(0)) == (Boolean) r.get(2)));
        assertThat(page.table().values()).anyMatch(r -> !kept.equals(r.get(0))).anyMatch(r -> kept.equals(r.get(0)));
        page.await("server never confirmed the subscription to " + kept, SHORT,
                d -> kept.equals(page.attribute("#filter-note", "data-server-flows")));
        assertThat(page.text("#filter-note")).contains("applied on the server", kept);
        long before = page.table().keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        page.await("no new alert after subscribing", LONG, d -> page.table().keySet().stream().anyMatch(id -> id > before));
        assertThat(page.table().entrySet()).filteredOn(e -> e.getKey() > before)
                .as("the server sends only the subscribed flow").allMatch(e -> kept.equals(e.getValue().get(0)));
        page.click("#filters button[type=reset]");
        page.await("reset shows every flow again", SHORT, d -> page.table().values().stream().allMatch(r -> (Boolean) r.get(2)));
        anExchangeFilterKeepsThatExchangesRows(page);
    }

    private static void anExchangeFilterKeepsThatExchangesRows(DashboardPage page) {
        String exchange = (String) page.script("const c = [...document.querySelectorAll('#alerts tbody td.exchanges')]"
                + ".map(td => td.textContent).find(t => t !== '–'); return c ? c.split(', ')[0] : null;");
        assertThat(exchange).as("a row with an exchange").isNotNull();
        page.driver().findElement(By.id("exchange")).sendKeys(exchange.toLowerCase(Locale.ROOT));
        page.await("the exchange filter hides rows without " + exchange, SHORT, d -> Boolean.TRUE.equals(page.script(
                "const rows = [...document.querySelectorAll('#alerts tbody tr')];"
                        + "return rows.some(r => r.hidden) && rows.every(r => r.hidden !== r.querySelector('td.exchanges')"
                        + ".textContent.split(', ').includes(arguments[0]));", exchange)));
        assertThat(page.text("#chart-flows").toLowerCase(Locale.ROOT)).contains(exchange.toLowerCase(Locale.ROOT) + " only");
        page.click("#filters button[type=reset]");
        page.await("reset shows every row again", SHORT, d -> page.table().values().stream().allMatch(r -> (Boolean) r.get(2)));
    }

    static void aReadOnlyTokenFiltersInTheBrowserOnly(DashboardPage page) {
        page.click("#filters input[name=flow][value=unknown]");
        page.await("no 'browser only' note for a token without write", SHORT,
                d -> page.text("#filter-note").contains("this browser only"));
        page.await("unknown-flow rows still shown", SHORT, d -> page.table().values().stream()
                .allMatch(r -> "unknown".equals(r.get(0)) != (Boolean) r.get(2)));
        assertThat(page.attribute("#conn-state", "data-state")).isEqualTo("connected");
    }
}
