package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REST shapes, init, want replace semantics and the inbound limits. */
class ShapesIT {
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

    private JsonNode getJson(String path) throws Exception {
        var r = Sims.get(sim.restBase(), path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        return WsClient.MAPPER.readTree(r.body());
    }

    @Test
    void restFeesAreIntegersAndOrdered() throws Exception {
        JsonNode f = getJson("/v1/fees/recommended");
        assertThat(f.get("fastestFee").isIntegralNumber()).isTrue();
        assertThat(f.get("fastestFee").asLong()).isGreaterThanOrEqualTo(f.get("halfHourFee").asLong());
        assertThat(f.get("hourFee").asLong()).isGreaterThanOrEqualTo(f.get("economyFee").asLong());
        assertThat(f.get("minimumFee").asLong()).isEqualTo(1);
    }

    @Test
    void restMempoolBlocksAndPrices() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            c.send("{\"track-mempool\": true}");
            c.await(n -> n.has("mempool-transactions"), WAIT);
        }
        JsonNode blocks = getJson("/v1/fees/mempool-blocks");
        assertThat(blocks.isArray()).isTrue();
        assertThat(blocks.get(0).get("feeRange")).hasSize(7);
        assertThat(blocks.get(0).get("nTx").asInt()).isPositive();
        JsonNode prices = getJson("/v1/prices");
        assertThat(prices.get("USD").asLong()).isPositive();
        assertThat(prices.has("time") && prices.has("EUR") && prices.has("JPY")).isTrue();
        var height = Sims.get(sim.restBase(), "/blocks/tip/height");
        assertThat(height.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    }

    @Test
    void restTransactionIsEsploraShapedWithoutMempoolExtras() throws Exception {
        String txid;
        try (WsClient c = new WsClient(ws)) {
            c.send("{\"track-mempool\": true}");
            txid = c.await(n -> n.has("mempool-transactions") && n.get("mempool-transactions").get("added").size() > 0,
                    WAIT).get("mempool-transactions").get("added").get(0).get("txid").asText();
        }
        JsonNode tx = getJson("/tx/" + txid);
        assertThat(tx.get("txid").asText()).isEqualTo(txid);
        assertThat(tx.has("firstSeen") || tx.has("order") || tx.has("position")).isFalse();
        assertThat(tx.get("status").toString()).isEqualTo("{\"confirmed\":false}");
        long in = 0;
        for (JsonNode v : tx.get("vin")) {
            in += v.get("prevout").get("value").asLong();
        }
        long out = 0;
        for (JsonNode v : tx.get("vout")) {
            out += v.get("value").asLong();
        }
        assertThat(in - out).isEqualTo(tx.get("fee").asLong());
        assertThat(Sims.get(sim.restBase(), "/tx/nothex").statusCode()).isEqualTo(400);
        assertThat(Sims.get(sim.restBase(), "/tx/" + "cd".repeat(32) + "/status").body())
                .isEqualTo("{\"confirmed\":false}");
    }

    @Test
    void initReturnsTheInitSnapshot() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            c.send("{\"action\":\"init\"}");
            JsonNode n = WsClient.MAPPER.readTree(c.next(WAIT));
            assertThat(n.has("backend") && n.has("blocks") && n.has("conversions") && n.has("da")
                    && n.has("fees") && n.has("backendInfo") && n.has("loadingIndicators")).isTrue();
        }
    }

    @Test
    void wantReplacesTheWholeSet() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            c.send("{\"action\":\"want\",\"data\":[\"stats\",\"mempool-blocks\"]}");
            c.await(n -> n.has("mempoolInfo"), WAIT);
            c.await(n -> n.has("fees") && n.has("mempool-blocks") && n.has("transactions"), WAIT);
            c.send("{\"action\":\"want\",\"data\":[\"mempool-blocks\"]}");
            c.frames.clear();
            Thread.sleep(150);
            c.frames.clear();
            JsonNode n = c.await(x -> x.has("mempool-blocks"), WAIT);
            assertThat(n.has("fees") || n.has("mempoolInfo")).isFalse();
        }
    }

    @Test
    void malformedJsonAndNullCloseTheConnectionButNumbersAreIgnored() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            c.send("42");
            c.send("{\"action\":\"ping\"}");
            assertThat(c.next(WAIT)).isEqualTo("{\"pong\": true}");
            c.sendExpectingClose("ping");
            c.closed.get(10, TimeUnit.SECONDS);
        }
        try (WsClient c = new WsClient(ws)) {
            c.sendExpectingClose("null");
            c.closed.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void oversizedMessageIsClosedWith1009() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            c.sendExpectingClose("{\"x\":\"" + "a".repeat(60_000) + "\"}");
            CloseReason r = c.closed.get(10, TimeUnit.SECONDS);
            assertThat(r.getCloseCode().getCode()).isEqualTo(1009);
        }
    }

    @Test
    void moreThanTheMessageRateIsClosed() throws Exception {
        try (WsClient c = new WsClient(ws)) {
            for (int i = 0; i < 101 && c.isOpen(); i++) {
                if (!c.sendExpectingClose("{\"action\":\"ping\"}")) {
                    break;
                }
            }
            c.closed.get(10, TimeUnit.SECONDS);
            assertThat(c.frames.stream().filter(f -> f.contains("pong")).count()).isEqualTo(100);
        }
    }
}
