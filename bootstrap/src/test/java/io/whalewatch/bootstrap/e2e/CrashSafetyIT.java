package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 "crash safety", with real processes over loopback: {@code serve} against {@code simulate}
 * while a burst of whales is injected through the simulator's admin API. A kill -9 mid-burst and a
 * restart on the same DuckDB file lose no alerted prediction, duplicate nothing, resume the alert
 * stream without gap or duplicate, and resolve the predictions left pending at the crash (mined
 * while the server was down: found by the start-up REST re-check). A SIGTERM mid-burst exits
 * within 15 s with every alerted prediction stored.
 */
class CrashSafetyIT {
    /** No natural whales, RBF or evictions, no scheduled blocks: every whale and block is the test's. */
    private static final Map<String, String> SIM = Map.of("SIM_TX_RATE", "2", "SIM_WHALE_SHARE", "0",
            "SIM_RBF_SHARE", "0", "SIM_EVICTION_SHARE", "0", "SIM_BLOCK_INTERVAL_SECONDS", "3600", "SIM_SEED", "9");
    @TempDir
    Path dir;
    private final Path db = Path.of("crash.db");
    private int upstream;

    @Test
    void killDashNineMidBurstLosesNothingDuplicatesNothingAndResolvesPendingPredictionsAfterRestart() throws Exception {
        upstream = E2e.freePort();
        Path truthFile = dir.resolve("truth.jsonl");
        Map<String, String> simEnv = new HashMap<>(SIM);
        simEnv.put("SIM_GROUND_TRUTH_FILE", truthFile.toString());
        List<JsonNode> before;
        List<JsonNode> after;
        long killedAt;
        long restartedAt;
        int downHeight;
        int injected;
        try (JarProcess sim = startSimulator(simEnv); WhaleBurst burst = new WhaleBurst(new SimAdmin(upstream), 20)) {
            String token = E2e.token(dir);
            try (JarProcess serve = serve("ports1.json"); AlertClient client = connect(serve, "ports1.json", token, -1)) {
                burst.start();
                before = alerts(client, 15, Duration.ofSeconds(30));
                killedAt = System.currentTimeMillis();
                serve.kill(); // SIGKILL in the middle of the burst
                before.addAll(alertsUntilClosed(client, Duration.ofSeconds(10)));
            }
            Thread.sleep(500); // whales keep coming while the server is down (missed: nobody saw them)
            // mines every pending whale, including those the dead server stored but never saw resolved
            downHeight = new SimAdmin(upstream).postOk("/sim/block").path("height").asInt();
            restartedAt = System.currentTimeMillis();
            long resumeFrom = before.get(before.size() - 1).path("alert_id").asLong();
            try (JarProcess serve = serve("ports2.json"); AlertClient client = connect(serve, "ports2.json", token, resumeFrom)) {
                after = alerts(client, 15, Duration.ofSeconds(30));
                injected = burst.stop();
                new SimAdmin(upstream).postOk("/sim/block");
                after.addAll(alertsUntilQuiet(client, Duration.ofSeconds(3)));
                serve.stop();
                assertThat(serve.awaitExit(Duration.ofSeconds(30))).as(serve.describe()).isIn(0, 143);
            }
        }
        System.out.printf("kill -9: %d whales injected, %d alerts before the kill, %d after the restart (resumed from %d), "
                + "block mined while down: %d%n", injected, before.size(), after.size(), lastId(before), downHeight);
        assertNothingLostOrDuplicated(before, after);
        assertPendingResolved(killedAt, restartedAt, downHeight, minedHeights(SimAdmin.truth(truthFile)));
    }

    @Test
    void sigtermMidBurstExitsWithinFifteenSecondsWithEveryAlertedPredictionStored() throws Exception {
        upstream = E2e.freePort();
        List<JsonNode> alerted;
        long exitMillis;
        try (JarProcess sim = startSimulator(SIM); WhaleBurst burst = new WhaleBurst(new SimAdmin(upstream), 20)) {
            String token = E2e.token(dir);
            try (JarProcess serve = serve("ports.json"); AlertClient client = connect(serve, "ports.json", token, -1)) {
                burst.start();
                alerted = alerts(client, 15, Duration.ofSeconds(30));
                long t0 = System.nanoTime();
                serve.stop(); // SIGTERM in the middle of the burst
                int code = serve.awaitExit(Duration.ofSeconds(15));
                exitMillis = (System.nanoTime() - t0) / 1_000_000;
                assertThat(code).as(serve.describe()).isIn(0, 143);
                alerted.addAll(alertsUntilClosed(client, Duration.ofSeconds(5)));
            }
        }
        System.out.printf("SIGTERM: %d alerts, exit after %d ms%n", alerted.size(), exitMillis);
        Map<String, Long> stored = alertIdsByPrediction();
        for (JsonNode a : alerted) {
            assertThat(stored).containsEntry(a.path("prediction_id").asText(), a.path("alert_id").asLong());
        }
    }

    private void assertNothingLostOrDuplicated(List<JsonNode> before, List<JsonNode> after) throws Exception {
        Map<String, Long> stored = alertIdsByPrediction();
        for (JsonNode a : before) {
            assertThat(stored).as("alerted before the crash, so stored").containsEntry(a.path("prediction_id").asText(), a.path("alert_id").asLong());
        }
        List<JsonNode> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(all.stream().map(a -> a.path("prediction_id").asText())).doesNotHaveDuplicates();
        assertThat(all.stream().map(a -> a.path("alert_id").asLong())).doesNotHaveDuplicates();
        assertThat(E2e.query(db(), "SELECT transaction_id FROM mempool_predictions").stream().map(r -> r.get("transaction_id")))
                .doesNotHaveDuplicates();
        // the resumed stream is exactly what the store holds after the last id seen: no gap, no duplicate, in order
        long resumedFrom = lastId(before);
        long lastReceived = lastId(after);
        List<Long> expected = stored.values().stream().filter(id -> id > resumedFrom && id <= lastReceived).sorted().toList();
        assertThat(after.stream().map(a -> a.path("alert_id").asLong()).toList()).isEqualTo(expected);
    }

    private void assertPendingResolved(long killedAt, long restartedAt, int downHeight, Map<String, Integer> mined) throws Exception {
        List<Map<String, Object>> rows = E2e.query(db(), "SELECT p.alert_id, p.transaction_id, o.outcome_status, o.confirmation_block,"
                + " epoch_ms(CAST(p.detection_timestamp AS TIMESTAMP)) AS detected FROM mempool_predictions p"
                + " LEFT JOIN prediction_outcomes o USING (prediction_id) ORDER BY p.alert_id");
        List<Map<String, Object>> first = rows.stream().filter(r -> ((Number) r.get("detected")).longValue() <= killedAt).toList();
        List<Map<String, Object>> second = rows.stream().filter(r -> ((Number) r.get("detected")).longValue() >= restartedAt).toList();
        System.out.printf("stored: %d predictions by the killed server, %d after the restart%n", first.size(), second.size());
        assertThat(first.size() + second.size()).isEqualTo(rows.size());
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();
        assertThat(alertId(second.get(0))).as("alert ids after the restart are larger").isGreaterThan(alertId(first.get(first.size() - 1)));
        for (Map<String, Object> r : first) {
            // pending at the crash (no block before it), mined while down, found by the start-up re-check
            assertThat(r).containsEntry("outcome_status", "confirmed").containsEntry("confirmation_block", downHeight);
        }
        for (Map<String, Object> r : rows) {
            assertThat(r).containsEntry("outcome_status", "confirmed")
                    .containsEntry("confirmation_block", mined.get((String) r.get("transaction_id")));
        }
    }

    private static long alertId(Map<String, Object> row) {
        return ((Number) row.get("alert_id")).longValue();
    }

    private static long lastId(List<JsonNode> alerts) {
        return alerts.isEmpty() ? 0 : alerts.get(alerts.size() - 1).path("alert_id").asLong();
    }

    private static Map<String, Integer> minedHeights(List<JsonNode> truth) {
        return truth.stream().filter(e -> "mined".equals(e.path("event").asText()))
                .collect(Collectors.toMap(e -> e.path("txid").asText(), e -> e.path("height").asInt(), (a, b) -> a));
    }

    private Map<String, Long> alertIdsByPrediction() throws Exception {
        Map<String, Long> ids = new HashMap<>();
        E2e.query(db(), "SELECT prediction_id, alert_id FROM mempool_predictions")
                .forEach(r -> ids.put((String) r.get("prediction_id"), ((Number) r.get("alert_id")).longValue()));
        return ids;
    }

    private Path db() {
        return dir.resolve(db);
    }

    private JarProcess startSimulator(Map<String, String> env) throws Exception {
        JarProcess sim = JarProcess.start(dir, env, "simulate", "--port", String.valueOf(upstream));
        sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
        return sim;
    }

    private JarProcess serve(String portsFile) throws Exception {
        return JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                "WEB_PORTS_FILE", dir.resolve(portsFile).toString(), "DB_PATH", db().toString(),
                "MEMPOOL_RECONNECT_MIN_MS", "200", "MEMPOOL_RECONNECT_MAX_MS", "1000"),
                "serve", "--mempool-url", "ws://127.0.0.1:" + upstream + "/api/v1/ws");
    }

    private AlertClient connect(JarProcess serve, String portsFile, String token, long resumeFrom) throws Exception {
        int port = E2e.awaitPorts(dir.resolve(portsFile), serve).get("broadcaster_port").asInt();
        AlertClient client = resumeFrom < 0 ? AlertClient.connect(port, token) : AlertClient.connect(port, token, resumeFrom);
        client.next("welcome", Duration.ofSeconds(10));
        return client;
    }

    /** At least {@code n} whale alerts (the data objects), failing after the timeout. */
    private static List<JsonNode> alerts(AlertClient client, int n, Duration timeout) throws InterruptedException {
        List<JsonNode> alerts = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alerts.size() < n) {
            JsonNode m = client.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            assertThat(m).as("only %d of %d whale alerts within %s", alerts.size(), n, timeout).isNotNull();
            assertThat(m.path("type").asText()).as("connection closed early").isNotEqualTo("closed");
            if ("whale_alert".equals(m.path("type").asText())) {
                alerts.add(m.path("data"));
            }
        }
        return alerts;
    }

    /** Whale alerts still arriving until the server closes the connection. */
    private static List<JsonNode> alertsUntilClosed(AlertClient client, Duration timeout) throws InterruptedException {
        List<JsonNode> alerts = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (JsonNode m; (m = client.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) != null; ) {
            if ("closed".equals(m.path("type").asText())) {
                return alerts;
            }
            if ("whale_alert".equals(m.path("type").asText())) {
                alerts.add(m.path("data"));
            }
        }
        throw new AssertionError("the connection was not closed within " + timeout);
    }

    /** Whale alerts arriving until nothing at all has come for {@code quiet}. */
    private static List<JsonNode> alertsUntilQuiet(AlertClient client, Duration quiet) throws InterruptedException {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode m; (m = client.poll(quiet)) != null; ) {
            if ("whale_alert".equals(m.path("type").asText())) {
                alerts.add(m.path("data"));
            }
        }
        return alerts;
    }
}
