package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProtocolIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private GeneratingMempoolSimulator sim;
    private URI ws;

    @BeforeEach
    void start() {
        sim = Sims.fast();
        ws = sim.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void wantRepliesWithBlocksMempoolBlocksAndStatsInServerOrder() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            c.send("{\"action\": \"want\", \"data\": [\"blocks\", \"stats\", \"mempool-blocks\"], \"track-mempool\": true}");
            String raw = c.next(WAIT);
            JsonNode n = WsClient.MAPPER.readTree(raw);
            assertThat(fieldNames(n)).containsExactly("blocks", "mempool-blocks", "mempoolInfo", "vBytesPerSecond",
                    "fees", "da");
            assertThat(raw).startsWith("{\"blocks\": [{\"id\":\"");
            assertThat(n.get("blocks")).hasSize(8);
            assertThat(n.get("blocks").get(7).get("height").asInt()).isEqualTo(900_000);
            assertThat(n.get("blocks").get(0).get("extras").get("pool").get("name").isTextual()).isTrue();
            JsonNode fees = n.get("fees");
            assertThat(fees.get("fastestFee").asDouble()).isGreaterThanOrEqualTo(fees.get("halfHourFee").asDouble());
            assertThat(fees.get("economyFee").asDouble()).isGreaterThanOrEqualTo(fees.get("minimumFee").asDouble());
            assertThat(n.get("mempoolInfo").get("loaded").asBoolean()).isTrue();
        }
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            c.send("{\"action\":\"ping\"}");
            assertThat(c.next(WAIT)).isEqualTo("{\"pong\": true}");
        }
    }

    @Test
    void tickFramesCarryFullTransactionsAndConsecutiveSequences() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            c.send("{\"track-mempool\": true}");
            JsonNode first = c.await(n -> n.has("mempool-transactions"), WAIT);
            JsonNode second = c.await(n -> n.has("mempool-transactions"), WAIT);
            assertThat(first.has("mempoolInfo")).as("no stats without want").isFalse();
            long s1 = first.get("mempool-transactions").get("sequence").asLong();
            assertThat(second.get("mempool-transactions").get("sequence").asLong()).isEqualTo(s1 + 1);
            JsonNode tx = first.get("mempool-transactions").get("added").get(0);
            assertThat(WsClient.MAPPER.writeValueAsString(tx).length()).isBetween(1_000, 6_000);
            assertThat(tx.get("txid").asText()).matches("[0-9a-f]{64}");
            assertThat(tx.get("vin").get(0).get("prevout").get("value").isIntegralNumber()).isTrue();
            assertThat(tx.get("vin").get(0).get("sequence").asLong()).isPositive();
            assertThat(tx.get("status").get("confirmed").asBoolean()).isFalse();
            assertThat(tx.get("fee").isIntegralNumber()).isTrue();
            assertThat(tx.get("position").has("block")).isTrue();
            assertThat(tx.get("flags").asLong()).isGreaterThan(1L << 40);
        }
    }

    @Test
    void blockMinesAnnouncedTransactionsAndRestReportsThemConfirmed() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            c.send("{\"action\": \"want\", \"data\": [\"blocks\"], \"track-mempool\": true}");
            c.await(n -> n.has("blocks"), WAIT);
            JsonNode tick = c.await(n -> n.has("mempool-transactions")
                    && n.get("mempool-transactions").get("added").size() > 0, WAIT);
            String txid = tick.get("mempool-transactions").get("added").get(0).get("txid").asText();
            assertThat(Sims.get(sim.restBase(), "/tx/" + txid + "/status").body()).isEqualTo("{\"confirmed\":false}");
            Sims.post(Sims.root(ws), "/sim/block");
            JsonNode block = c.await(n -> n.has("block"), WAIT);
            int height = block.get("block").get("height").asInt();
            List<String> mined = new ArrayList<>();
            block.get("mempool-transactions").get("mined").forEach(t -> mined.add(t.asText()));
            assertThat(mined).contains(txid);
            assertThat(block.get("mempool-transactions").get("added")).isEmpty();
            var rest = Sims.get(sim.restBase(), "/tx/" + txid);
            JsonNode status = WsClient.MAPPER.readTree(rest.body()).get("status");
            assertThat(status.get("confirmed").asBoolean()).isTrue();
            assertThat(status.get("block_height").asInt()).isEqualTo(height);
            assertThat(Sims.get(sim.restBase(), "/blocks/tip/height").body()).isEqualTo(Integer.toString(height));
        }
    }

    @Test
    void unknownTransactionIs404TextPlain() throws Exception {
        var r = Sims.get(sim.restBase(), "/tx/" + "ab".repeat(32));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("Transaction not found");
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
