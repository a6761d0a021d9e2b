package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault is reachable through the admin API and observable by a real client. */
class FaultsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private GeneratingMempoolSimulator sim;
    private URI ws;
    private URI root;

    @BeforeEach
    void start() {
        sim = Sims.fast();
        ws = sim.start();
        root = Sims.root(ws);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private WsClient tracking() throws Exception {
        WsClient c = new WsClient(ws);
        c.send("{\"track-mempool\": true}");
        c.await(n -> n.has("mempool-transactions"), WAIT);
        return c;
    }

    private static long seq(JsonNode n) {
        return n.get("mempool-transactions").get("sequence").asLong();
    }

    @Test
    void garbageWrongShapeAndTruncatedFramesArriveVerbatim() throws Exception {
        try (WsClient c = tracking()) {
            assertThat(Sims.post(root, "/sim/faults/garbage-frame").body()).contains("\"clients\":1");
            assertThat(drainUntil(c, f -> f.startsWith("<<garbage>>"))).isEqualTo(AdminRoutesText.GARBAGE);
            Sims.post(root, "/sim/faults/wrong-shape-frame");
            String wrong = drainUntil(c, f -> f.contains("\"seven\""));
            assertThat(WsClient.MAPPER.readTree(wrong).get("mempool-transactions").get("added").isObject()).isTrue();
            Sims.post(root, "/sim/faults/truncated-frame");
            String cut = drainUntil(c, f -> !f.endsWith("}"));
            assertThatThrownBy(() -> WsClient.MAPPER.readTree(cut)).isInstanceOf(Exception.class);
        }
    }

    @Test
    void dropConnectionsCutsClientsAbruptly() throws Exception {
        try (WsClient c = tracking()) {
            assertThat(Sims.post(root, "/sim/faults/drop-connections").statusCode()).isEqualTo(200);
            CloseReason reason = c.closed.get(10, TimeUnit.SECONDS);
            assertThat(reason.getCloseCode().getCode()).isEqualTo(1006);
        }
    }

    @Test
    void restartDropsClientsAndResetsTheSequence() throws Exception {
        long before;
        try (WsClient c = tracking()) {
            Sims.post(root, "/sim/faults/skip-sequence?n=1000");
            before = seq(c.await(n -> n.has("mempool-transactions"), WAIT));
            assertThat(before).isGreaterThan(1000);
            Sims.post(root, "/sim/faults/restart");
            c.closed.get(10, TimeUnit.SECONDS);
        }
        try (WsClient again = tracking()) {
            long after = seq(again.await(n -> n.has("mempool-transactions"), WAIT));
            assertThat(after).isLessThan(200);
        }
    }

    @Test
    void skipSequenceLeavesAGap() throws Exception {
        try (WsClient c = tracking()) {
            long s1 = seq(c.await(n -> n.has("mempool-transactions"), WAIT));
            Sims.post(root, "/sim/faults/skip-sequence?n=7");
            long s2 = seq(c.await(n -> n.has("mempool-transactions") && seq(n) > s1 + 5, WAIT));
            assertThat(s2).isGreaterThanOrEqualTo(s1 + 8);
        }
    }

    @Test
    void freezeRepeatsTheSequence() throws Exception {
        try (WsClient c = tracking()) {
            Sims.post(root, "/sim/faults/freeze-sequence?seconds=5");
            long a = seq(c.await(n -> n.has("mempool-transactions"), WAIT));
            long b = seq(c.await(n -> n.has("mempool-transactions"), WAIT));
            assertThat(b).isEqualTo(a);
            assertThat(Sims.get(root, "/sim/state").body()).contains("\"sequenceFrozen\":true");
        }
    }

    @Test
    void giantFrameCarriesAllTransactionsAtOnce() throws Exception {
        try (WsClient c = tracking()) {
            String answer = Sims.post(root, "/sim/faults/giant-frame?n=2000").body();
            assertThat(WsClient.MAPPER.readTree(answer).get("bytes").asLong()).isGreaterThan(2000L * 1000);
            JsonNode giant = c.await(n -> n.has("mempool-transactions")
                    && n.get("mempool-transactions").get("added").size() == 2000, Duration.ofSeconds(30));
            assertThat(giant.get("mempool-transactions").get("added").get(1999).get("txid").asText()).hasSize(64);
        }
    }

    @Test
    void stallSendsNothingAndIgnoresPings() throws Exception {
        try (WsClient c = tracking()) {
            Sims.post(root, "/sim/faults/stall?seconds=2");
            Thread.sleep(300);
            c.frames.clear();
            c.send("{\"action\":\"ping\"}");
            Thread.sleep(1000);
            assertThat(c.frames).noneMatch(f -> f.contains("mempool-transactions") || f.contains("pong"));
            c.await(n -> n.has("mempool-transactions"), WAIT);
            c.send("{\"action\":\"ping\"}");
            c.await(n -> n.has("pong"), WAIT);
        }
    }

    @Test
    void restErrorsAnswerTheNextRequestsThenRecover() throws Exception {
        Sims.post(root, "/sim/faults/rest-errors?status=429&n=2");
        var first = Sims.get(sim.restBase(), "/blocks/tip/height");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.body()).contains("429 Too Many Requests");
        assertThat(Sims.get(sim.restBase(), "/v1/fees/recommended").statusCode()).isEqualTo(429);
        assertThat(Sims.get(sim.restBase(), "/blocks/tip/height").statusCode()).isEqualTo(200);
        Sims.post(root, "/sim/faults/rest-errors?status=500&n=1");
        assertThat(Sims.get(sim.restBase(), "/blocks/tip/height").statusCode()).isEqualTo(500);
        Sims.post(root, "/sim/faults/rest-errors?status=404&n=1");
        assertThat(Sims.get(sim.restBase(), "/blocks/tip/height").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownFaultIsRejectedWithTheAllowedNames() throws Exception {
        var r = Sims.post(root, "/sim/faults/meteor");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("drop-connections", "giant-frame");
    }

    private static String drainUntil(WsClient c, java.util.function.Predicate<String> test) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String f = c.next(WAIT);
            if (test.test(f)) {
                return f;
            }
        }
        throw new AssertionError("frame not seen");
    }

    /** The garbage text, mirrored here so the test states what a client sees. */
    static final class AdminRoutesText {
        static final String GARBAGE = "<<garbage>> this is not JSON {\"mempool-transactions\": [";
    }
}
