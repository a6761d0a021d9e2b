package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacements, evictions, conflicts, ground truth, recording and determinism. */
class LifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void replacementsAndEvictionsFollowTheRealSemantics() throws Exception {
        try (GeneratingMempoolSimulator sim = Sims.fast("SIM_RBF_SHARE", "0.3", "SIM_EVICTION_SHARE", "0.2")) {
            URI ws = sim.start();
            Set<String> removed = new HashSet<>();
            Set<String> replacedOld = new HashSet<>();
            Map<String, Long> fees = new HashMap<>();
            int replacements = 0;
            try (WsClient c = new WsClient(ws)) {
                c.send("{\"track-mempool\": true}");
                for (int i = 0; i < 25; i++) {
                    JsonNode d = c.await(n -> n.has("mempool-transactions"), WAIT).get("mempool-transactions");
                    Set<String> addedNow = new HashSet<>();
                    d.get("added").forEach(t -> {
                        addedNow.add(t.get("txid").asText());
                        fees.put(t.get("txid").asText(), t.get("fee").asLong());
                    });
                    d.get("removed").forEach(t -> removed.add(t.asText()));
                    for (JsonNode r : d.get("replaced")) {
                        String old = r.get("replaced").asText();
                        assertThat(removed).as("old txid removed in this or an earlier frame").contains(old);
                        assertThat(addedNow).contains(r.get("by").get("txid").asText());
                        if (fees.containsKey(old)) {
                            assertThat(r.get("by").get("fee").asLong()).isGreaterThan(fees.get(old));
                        }
                        replacedOld.add(old);
                        replacements++;
                    }
                }
            }
            assertThat(replacements).isPositive();
            Set<String> evicted = new HashSet<>(removed);
            evicted.removeAll(replacedOld);
            assertThat(evicted).isNotEmpty();
            String gone = evicted.iterator().next();
            assertThat(Sims.get(sim.restBase(), "/tx/" + gone).statusCode()).isEqualTo(404);
            assertThat(Sims.get(sim.restBase(), "/tx/" + replacedOld.iterator().next()).statusCode()).isEqualTo(404);
            // the replacement history tells a replaced transaction from an evicted one, as mempool.space's does
            String old = replacedOld.iterator().next();
            var rbf = MAPPER.readTree(Sims.get(sim.restBase(), "/v1/tx/" + old + "/rbf").body());
            assertThat(rbf.path("replacements").path("tx").path("txid").asText()).matches("[0-9a-f]{64}").isNotEqualTo(old);
            // an evicted txid has no history; (a "removed" txid may also be a replacement announced in a later frame)
            long withoutHistory = evicted.stream().filter(t -> {
                try {
                    return MAPPER.readTree(Sims.get(sim.restBase(), "/v1/tx/" + t + "/rbf").body()).path("replacements").isNull();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count();
            assertThat(withoutHistory).isPositive();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    @Test
    void aBlockCanMineAnUnannouncedConflictThatReplacesAPendingTransaction() throws Exception {
        try (GeneratingMempoolSimulator sim = Sims.fast("SIM_RBF_SHARE", "1", "SIM_BLOCK_MAX_TXS", "5")) {
            URI ws = sim.start();
            try (WsClient c = new WsClient(ws)) {
                c.send("{\"action\":\"want\",\"data\":[\"blocks\"],\"track-mempool\": true}");
                int seen = 0;
                while (seen < 12) {
                    seen += c.await(n -> n.has("mempool-transactions"), WAIT).get("mempool-transactions")
                            .get("added").size();
                }
                Sims.post(Sims.root(ws), "/sim/block");
                JsonNode block = c.await(n -> n.has("block"), WAIT).get("mempool-transactions");
                JsonNode r = block.get("replaced").get(0);
                String by = r.get("by").get("txid").asText();
                List<String> mined = new ArrayList<>();
                block.get("mined").forEach(t -> mined.add(t.asText()));
                assertThat(mined).contains(by).hasSize(7);
                String loser = r.get("replaced").asText();
                c.await(n -> n.has("mempool-transactions") && n.get("mempool-transactions").get("removed")
                        .toString().contains(loser), WAIT);
            }
        }
    }

    @Test
    void groundTruthRecordsWhalesAndWhereTheyWereMined(@TempDir Path dir) throws Exception {
        Path truth = dir.resolve("truth.jsonl");
        try (GeneratingMempoolSimulator sim = Sims.fast("SIM_GROUND_TRUTH_FILE", truth.toString(),
                "SIM_RBF_SHARE", "0")) {
            URI root = Sims.root(sim.start());
            JsonNode whale = WsClient.MAPPER.readTree(Sims.post(root, "/sim/whale?flow=inflow&btc=250").body());
            String txid = whale.get("txid").asText();
            assertThat(whale.get("amountSats").asLong()).isEqualTo(25_000_000_000L);
            assertThat(whale.get("exchange").asText()).startsWith("SimEx");
            int height = WsClient.MAPPER.readTree(Sims.post(root, "/sim/block").body()).get("height").asInt();
            List<JsonNode> lines = new ArrayList<>();
            for (String l : Files.readAllLines(truth)) {
                lines.add(WsClient.MAPPER.readTree(l));
            }
            assertThat(lines).anySatisfy(n -> {
                assertThat(n.get("event").asText()).isEqualTo("whale");
                assertThat(n.get("txid").asText()).isEqualTo(txid);
                assertThat(n.get("flow").asText()).isEqualTo("inflow");
            });
            assertThat(lines).anySatisfy(n -> {
                assertThat(n.get("event").asText()).isEqualTo("mined");
                assertThat(n.get("txid").asText()).isEqualTo(txid);
                assertThat(n.get("height").asInt()).isEqualTo(height);
            });
            JsonNode status = WsClient.MAPPER.readTree(Sims.get(sim.restBase(), "/tx/" + txid + "/status").body());
            assertThat(status.get("block_height").asInt()).isEqualTo(height);
        }
    }

    @Test
    void recordFileHoldsOneFramePerLine(@TempDir Path dir) throws Exception {
        Path record = dir.resolve("frames.jsonl");
        try (GeneratingMempoolSimulator sim = Sims.fast("SIM_RECORD_FILE", record.toString())) {
            URI ws = sim.start();
            try (WsClient c = new WsClient(ws)) {
                c.send("{\"track-mempool\": true}");
                c.await(n -> n.has("mempool-transactions"), WAIT);
                c.await(n -> n.has("mempool-transactions"), WAIT);
            }
            Sims.post(Sims.root(ws), "/sim/block");
        }
        List<String> lines = Files.readAllLines(record);
        assertThat(lines.size()).isGreaterThanOrEqualTo(3);
        for (String l : lines) {
            JsonNode n = WsClient.MAPPER.readTree(l);
            assertThat(n.isObject()).isTrue();
        }
        assertThat(lines).anyMatch(l -> l.startsWith("{\"conversions\": "));
        assertThat(lines).anyMatch(l -> l.startsWith("{\"block\": "));
        assertThat(lines).anyMatch(l -> l.contains("\"mempool-transactions\": {\"sequence\":"));
    }

    @Test
    void theSameSeedGivesTheSameTransactions(@TempDir Path dir) throws Exception {
        List<String> a = firstTxids(dir.resolve("a.jsonl"), "7", 40);
        List<String> b = firstTxids(dir.resolve("b.jsonl"), "7", 40);
        List<String> other = firstTxids(dir.resolve("c.jsonl"), "8", 40);
        assertThat(a).hasSize(40).isEqualTo(b);
        assertThat(other).doesNotContainAnyElementsOf(a);
    }

    private static List<String> firstTxids(Path record, String seed, int n) throws Exception {
        try (GeneratingMempoolSimulator sim = Sims.fast("SIM_RECORD_FILE", record.toString(), "SIM_SEED", seed,
                "SIM_RBF_SHARE", "0.2", "SIM_WHALE_SHARE", "0.2")) {
            sim.start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                List<String> ids = new ArrayList<>();
                List<String> lines = Files.readAllLines(record);
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i);
                    if (i == lines.size() - 1 && !l.endsWith("}")) {
                        break; // the simulator is still writing this line: read it next round
                    }
                    JsonNode d = WsClient.MAPPER.readTree(l).get("mempool-transactions");
                    if (d != null) {
                        d.get("added").forEach(t -> ids.add(t.get("txid").asText()));
                    }
                }
                if (ids.size() >= n) {
                    return ids.subList(0, n);
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("not enough transactions recorded");
    }
}
