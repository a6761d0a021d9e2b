package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 "must show": {@code serve} against {@code simulate} with a fixed seed, RBF and eviction
 * shares, 4 s blocks and the simulator's ground truth; the server is restarted mid-way. Every whale
 * of the ground truth ends with the right {@code prediction_outcomes} row: confirmed at the
 * ground-truth height; replaced, then confirmed through its replacement ({@code replaced_by} set);
 * evicted (admin API) and finally dropped after the 10.8 s horizon, across the restart; evicted,
 * provisionally dropped, then mined after all ({@code /sim/block?include=}) and so confirmed.
 */
class OutcomesEndToEndIT {
    private static final Map<String, String> SIM = Map.of("SIM_SEED", "11", "SIM_TX_RATE", "4", "SIM_WHALE_SHARE", "0.3",
            "SIM_RBF_SHARE", "0.4", "SIM_EVICTION_SHARE", "0.1", "SIM_BLOCK_INTERVAL_SECONDS", "4");
    @TempDir
    Path dir;
    private int upstream;
    private final List<JsonNode> updates = new ArrayList<>();

    @Test
    void everyWhaleOfTheGroundTruthEndsWithItsOutcomeAcrossARestart() throws Exception {
        upstream = E2e.freePort();
        Path truth = dir.resolve("truth.jsonl");
        Map<String, String> simEnv = new HashMap<>(SIM);
        simEnv.put("SIM_GROUND_TRUTH_FILE", truth.toString());
        String finallyDropped;
        String droppedThenMined;
        int minedAfterDrop;
        int[] lines = new int[3]; // serve 1 connected, serve 1 stopping, serve 2 connected
        try (JarProcess sim = start(simEnv, "simulate", "--port", String.valueOf(upstream))) {
            sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
            SimAdmin admin = new SimAdmin(upstream);
            String token = E2e.token(dir);
            try (JarProcess serve = serve("ports1.json"); AlertClient client = connect(serve, "ports1.json", token)) {
                lines[0] = SimAdmin.truth(truth).size();
                collect(client, Duration.ofSeconds(8));
                finallyDropped = injectAndEvict(admin);
                droppedThenMined = injectAndEvict(admin);
                collect(client, Duration.ofSeconds(2));
                minedAfterDrop = admin.postOk("/sim/block?include=" + droppedThenMined).path("height").asInt();
                collect(client, Duration.ofSeconds(3));
                lines[1] = SimAdmin.truth(truth).size();
                serve.stop(); // a restart mid-way, with whales pending, replaced and provisionally dropped
                assertThat(serve.awaitExit(Duration.ofSeconds(30))).as(serve.describe()).isIn(0, 143);
            }
            Thread.sleep(2000); // ticks and blocks go on while the server is down
            try (JarProcess serve = serve("ports2.json"); AlertClient client = connect(serve, "ports2.json", token)) {
                lines[2] = SimAdmin.truth(truth).size();
                awaitUpdate(client, finallyDropped, "dropped", false, Duration.ofSeconds(40));
                collect(client, Duration.ofSeconds(3));
                sim.stop(); // the ground truth is complete; everything in it was sent to the server
                sim.awaitExit(Duration.ofSeconds(30));
                collect(client, Duration.ofSeconds(2));
                serve.stop();
                assertThat(serve.awaitExit(Duration.ofSeconds(30))).as(serve.describe()).isIn(0, 143);
            }
        }
        GroundTruthFates fates = new GroundTruthFates(SimAdmin.truth(truth));
        Map<String, Map<String, Object>> rows = outcomesByTxid();
        assertThat(updates).anyMatch(u -> isUpdate(u, droppedThenMined, "dropped", true));
        assertThat(rows.get(droppedThenMined)).containsEntry("outcome_status", "confirmed")
                .containsEntry("confirmation_block", minedAfterDrop);
        assertThat(rows.get(finallyDropped)).containsEntry("outcome_status", "dropped").containsEntry("provisional", false);
        judge(fates, rows, lines);
    }

    private void judge(GroundTruthFates fates, Map<String, Map<String, Object>> rows, int[] lines) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> whales = fates.whales();
        for (String txid : whales) {
            Map<String, Object> row = rows.get(txid);
            GroundTruthFates.Fate fate = fates.fate(txid);
            int line = fates.line(txid);
            boolean listened = (line >= lines[0] && line < lines[1]) || line >= lines[2];
            assertThat(row != null || !listened).as("whale %s was announced while the server listened: predicted", txid).isTrue();
            if (row == null) {
                counts.merge("not seen (announced while no server listened)", 1, Integer::sum);
                continue;
            }
            if (line < lines[1] && fates.decidedLine(txid) >= lines[1]) {
                counts.merge("seen before the restart, decided after it", 1, Integer::sum);
            }
            boolean replacedWhileDown = fate.replacedAtLines().stream().anyMatch(l -> l >= lines[1] && l < lines[2]);
            String expected = expectedStatus(fate);
            counts.merge(expected + (fate.replaced() ? " via replacement" : "") + (replacedWhileDown ? " (replaced while down, stored " + row.get("outcome_status") + ")" : ""), 1, Integer::sum);
            // replaced while no server listened: the REST re-check reads the replacement history
            // (/api/v1/tx/:txid/rbf), so these end like any other replaced whale
            assertThat(row.get("outcome_status")).as("outcome of whale %s (%s)", txid, fate).isEqualTo(expected);
            assertThat(row.get("replaced_by")).as("replaced_by of %s", txid).isEqualTo(fate.replaced() ? fate.last() : null);
            if (fate.minedHeight() != null) {
                assertThat(row.get("confirmation_block")).as("height of %s", txid).isEqualTo(fate.minedHeight());
            }
        }
        System.out.printf("ground truth: %d whales; judged: %s%n", whales.size(), counts);
        assertThat(rows).as("every stored prediction is a ground-truth whale").allSatisfy((txid, row) -> assertThat(whales).contains(txid));
        assertThat(counts.getOrDefault("confirmed", 0)).isGreaterThanOrEqualTo(5);
        assertThat(counts.getOrDefault("confirmed via replacement", 0)).as("replaced, then confirmed").isPositive();
    }

    /** What the row must say: null = no row (still pending). */
    private static String expectedStatus(GroundTruthFates.Fate fate) {
        if (fate.minedHeight() != null) {
            return "confirmed";
        }
        if (fate.dropped()) {
            return "dropped";
        }
        return fate.replaced() ? "replaced" : null;
    }

    private static Map<String, Map<String, Object>> outcomesByTxid(Path db) throws Exception {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> r : E2e.query(db, "SELECT p.transaction_id, o.outcome_status, o.provisional, o.confirmation_block,"
                + " o.replaced_by FROM mempool_predictions p LEFT JOIN prediction_outcomes o USING (prediction_id)")) {
            assertThat(rows.put((String) r.get("transaction_id"), r)).as("one prediction per transaction").isNull();
        }
        return rows;
    }

    private Map<String, Map<String, Object>> outcomesByTxid() throws Exception {
        return outcomesByTxid(dir.resolve("outcomes.db"));
    }

    /** Announces a whale and evicts it at once; retried in the rare case a block mined it in between. */
    private static String injectAndEvict(SimAdmin admin) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String txid = admin.postOk("/sim/whale?btc=300").path("txid").asText();
            if (admin.post("/sim/evict?txid=" + txid).statusCode() == 200) {
                return txid;
            }
        }
        throw new AssertionError("could not evict a whale before a block mined it");
    }

    private void awaitUpdate(AlertClient client, String txid, String status, boolean provisional, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            collect(client, Duration.ofMillis(500));
            if (updates.stream().anyMatch(u -> isUpdate(u, txid, status, provisional))) {
                return;
            }
        }
        throw new AssertionError("no " + status + " (provisional " + provisional + ") update for " + txid + " within " + timeout);
    }

    private static boolean isUpdate(JsonNode u, String txid, String status, boolean provisional) {
        return txid.equals(u.path("transaction_id").asText()) && status.equals(u.path("status").asText())
                && u.path("provisional").asBoolean(false) == provisional;
    }

    /** Keeps the alert updates that arrive during {@code period}. */
    private void collect(AlertClient client, Duration period) throws InterruptedException {
        long deadline = System.nanoTime() + period.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            JsonNode m = client.poll(Duration.ofNanos(left));
            if (m != null && "alert_update".equals(m.path("type").asText())) {
                updates.add(m.path("data"));
            }
        }
    }

    private JarProcess start(Map<String, String> env, String... args) throws Exception {
        return JarProcess.start(dir, env, args);
    }

    private JarProcess serve(String portsFile) throws Exception {
        return start(Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                "WEB_PORTS_FILE", dir.resolve(portsFile).toString(), "DB_PATH", dir.resolve("outcomes.db").toString(),
                "DROP_FINAL_AFTER_HOURS", "0.003", "MEMPOOL_RECONNECT_MIN_MS", "200", "MEMPOOL_RECONNECT_MAX_MS", "1000"),
                "serve", "--mempool-url", "ws://127.0.0.1:" + upstream + "/api/v1/ws");
    }

    /** Connects a client once the server's source is connected upstream (per /health). */
    private AlertClient connect(JarProcess serve, String portsFile, String token) throws Exception {
        JsonNode ports = E2e.awaitPorts(dir.resolve(portsFile), serve);
        awaitSourceConnected(ports.get("api_port").asInt(), serve);
        AlertClient client = AlertClient.connect(ports.get("broadcaster_port").asInt(), token);
        client.next("welcome", Duration.ofSeconds(10));
        return client;
    }

    private static void awaitSourceConnected(int apiPort, JarProcess serve) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.body().contains("connected to ")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("source never connected\n" + serve.describe());
    }
}
