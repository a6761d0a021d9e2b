package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source's fault handling end to end: the packaged jar's {@code simulate} (seed 11, ground
 * truth file) and {@code serve} against it in separate processes; faults injected through the
 * admin API; afterwards the DuckDB file is compared with the ground truth.
 *
 * <p><b>Which whales must be detected.</b> mempool.space sends no snapshot when a client
 * (re)subscribes, so a whale announced while the detector was disconnected, or in a frame lost
 * to a stall, is legitimately never seen by a stream client (the REST resync re-checks tracked
 * whales only). The simulator records, per whale, how many mempool-tracking clients its
 * announcing frame was handed to ({@code trackers}); the detector is the only client, so the
 * expected set is exactly the whales with {@code trackers > 0}: {@code mempool_predictions} must
 * equal that set, each txid once. The run ends right after a tick by cutting the connection and
 * stopping the simulator, so no event after the compared part of the ground truth can reach the
 * detector. Fates: every detected whale the truth says was mined has a confirmed outcome at that
 * height; replaced ones are replaced (or, when the replacement happened unseen, a provisional drop:
 * REST can only say "gone"); evicted ones are provisional drops; the rest have no outcome.
 */
class SourceFaultsEndToEndIT {
    static final Map<String, String> SERVE = Map.of("MEMPOOL_PING_AFTER_SECONDS", "1.5",
            "MEMPOOL_PONG_TIMEOUT_SECONDS", "1", "MEMPOOL_RECONNECT_MIN_MS", "1000", "MEMPOOL_RECONNECT_MAX_MS", "2000",
            "MEMPOOL_MAX_FRAME_MB", "160");
    static final Map<String, String> SIM = Map.of("SIM_TX_RATE", "6", "SIM_WHALE_SHARE", "0.06",
            "SIM_BLOCK_INTERVAL_SECONDS", "8", "SIM_RBF_SHARE", "0.1", "SIM_EVICTION_SHARE", "0.05");

    @TempDir
    Path dir;

    /** Keeps the ground truth and both processes' logs under target/source-faults/ for inspection. */
    @AfterEach
    void keepEvidence(TestInfo test) throws java.io.IOException {
        Path keep = Path.of("target", "source-faults", test.getTestMethod().orElseThrow().getName());
        Files.createDirectories(keep);
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonl") || f.toString().endsWith(".err")).toList()) {
                Files.copy(f, keep.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
    private final Map<String, FaultSteps.UnseenBlock> unseenBlocks = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();

    /** One stream, every fault but the giant frame in turn. */
    @Test
    void everyFaultOnOneStreamLosesNoWhaleAndDoublesNone() throws Exception {
        long lines;
        try (FaultRig rig = new FaultRig(dir, SIM, "256m", "256m", SERVE)) {
            rig.admin.afterTick();
            FaultSteps steps = new FaultSteps(rig, log);
            steps.serverDisappears();
            steps.sequenceSkipped();
            unseenBlocks.put("gap", steps.gapHidingABlock());
            unseenBlocks.put("restart", steps.restartHidingABlock());
            steps.badFrames();
            unseenBlocks.put("stall", steps.stallHidingABlock());
            lines = rig.finish(Duration.ofSeconds(60));
        }
        TruthLog cut = TruthLog.read(dir.resolve("truth.jsonl"), lines);
        TruthLog truth = TruthLog.read(dir.resolve("truth.jsonl"), Long.MAX_VALUE);
        StoredWhales stored = StoredWhales.read(dir.resolve("faults.db"));
        assertSameWhales(truth, stored);
        assertFates(cut, truth, stored);
        assertUnseenBlocksRecoveredOverRest(truth, stored);
        System.out.println("[source-faults] " + String.join("; ", log));
    }

    /**
     * 50,000 transactions in one frame: ~115 MB here (about 2.3 KB per transaction), over the
     * default 64 MiB frame limit, so the detector runs with MEMPOOL_MAX_FRAME_MB=160, and both
     * processes with 2 GiB of heap instead of 256 MiB (the detector ran out of memory with 1 GiB).
     * The simulator sends nothing for the tens of seconds it takes to build the frame on a busy
     * machine, and the detector's liveness counts only complete frames, so the ping comes after
     * 120 s here (default 30 s).
     */
    @Test
    void fiftyThousandTransactionFrameIsProcessed() throws Exception {
        Map<String, String> serve = Map.of("MEMPOOL_RECONNECT_MIN_MS", "1000", "MEMPOOL_RECONNECT_MAX_MS", "2000",
                "MEMPOOL_MAX_FRAME_MB", "160", "MEMPOOL_PING_AFTER_SECONDS", "120");
        Map<String, String> sim = new LinkedHashMap<>(SIM);
        sim.put("SIM_SEND_BACKLOG_BYTES", "400000000"); // else the next tick cuts the detector off as a slow consumer
        long lines;
        try (FaultRig rig = new FaultRig(dir, sim, "2g", "2g", serve)) {
            rig.admin.afterTick();
            new FaultSteps(rig, log).giantFrame();
            lines = rig.finish(Duration.ofSeconds(60));
        }
        TruthLog cut = TruthLog.read(dir.resolve("truth.jsonl"), lines);
        TruthLog truth = TruthLog.read(dir.resolve("truth.jsonl"), Long.MAX_VALUE);
        StoredWhales stored = StoredWhales.read(dir.resolve("faults.db"));
        assertSameWhales(truth, stored);
        assertFates(cut, truth, stored);
        assertGiantFrameDetected(truth, stored);
        System.out.println("[source-faults] " + String.join("; ", log));
    }

    /** prevout-null frames (bitcoind backend): flows need the inputs, which only REST supplies. */
    @Test
    void prevoutNullWhalesAreClassifiedOverRest() throws Exception {
        Map<String, String> sim = new LinkedHashMap<>(SIM);
        sim.put("SIM_PREVOUT_NULL", "true");
        long lines;
        try (FaultRig rig = new FaultRig(dir, sim, "256m", "256m", SERVE)) {
            assertThat(rig.admin.state().path("prevoutNull").asBoolean()).isTrue();
            List<String> injected = new ArrayList<>();
            for (String flow : List.of("inflow", "outflow", "internal", "unknown", "outflow", "internal")) {
                injected.add(rig.admin.postOk("/sim/whale?flow=" + flow + "&btc=" + (150 + flow.length())).path("txid").asText());
            }
            // Alerted means enriched over REST and stored; then a block gives them outcomes to check too.
            rig.alerts.awaitAll(injected, Duration.ofSeconds(30));
            rig.admin.afterTick();
            rig.admin.postOk("/sim/block");
            rig.admin.afterTick();
            lines = rig.finish(Duration.ofSeconds(60));
        }
        TruthLog truth = TruthLog.read(dir.resolve("truth.jsonl"), Long.MAX_VALUE);
        StoredWhales stored = StoredWhales.read(dir.resolve("faults.db"));
        assertSameWhales(truth, stored);
        assertFates(TruthLog.read(dir.resolve("truth.jsonl"), lines), truth, stored);
        Map<String, String> expectedFlows = new LinkedHashMap<>();
        truth.whales.forEach((txid, w) -> expectedFlows.put(txid, w.path("flow").asText()));
        expectedFlows.keySet().retainAll(stored.flowByTxid.keySet());
        Map<String, String> wrong = new LinkedHashMap<>();
        expectedFlows.forEach((txid, flow) -> {
            if (!flow.equals(stored.flowByTxid.get(txid))) {
                wrong.put(txid, "truth " + flow + ", stored " + stored.flowByTxid.get(txid) + ": " + truth.whales.get(txid));
            }
        });
        assertThat(wrong).as("whales classified differently from the ground truth").isEmpty();
        assertThat(expectedFlows.values()).contains("inflow", "outflow", "internal", "unknown");
        System.out.println("[source-faults] prevout-null: " + stored.flowByTxid.size() + " whales, flows " + expectedFlows.values());
    }

    private void assertSameWhales(TruthLog truth, StoredWhales stored) {
        Set<String> expected = truth.deliveredWhales();
        assertThat(expected).isNotEmpty();
        assertThat(stored.duplicates()).as("txids stored twice").isEmpty();
        assertThat(stored.rowsPerTxid.keySet()).as("detected whales vs ground truth (trackers > 0)")
                .containsExactlyInAnyOrderElementsOf(expected);
        log.add("whales: " + truth.whales.size() + " announced, " + expected.size() + " reached the detector, "
                + stored.rowsPerTxid.size() + " stored");
    }

    /** Each stored whale's outcome agrees with the truth at the cut, or with the final truth (learned over REST later). */
    private void assertFates(TruthLog cut, TruthLog truth, StoredWhales stored) {
        int checked = 0;
        for (String txid : stored.rowsPerTxid.keySet()) {
            StoredWhales.Outcome o = stored.outcomes.get(txid);
            String atCut = Fates.expected(cut, txid);
            String last = Fates.expected(truth, txid);
            assertThat(Fates.matches(atCut, o) || Fates.matches(last, o))
                    .as("outcome of %s: truth %s (finally %s), stored %s", txid, atCut, last, o).isTrue();
            checked += o == null ? 0 : 1;
        }
        assertThat(checked).as("whales with an outcome").isPositive();
        log.add("outcomes checked: " + checked + " of " + stored.rowsPerTxid.size());
    }

    private void assertUnseenBlocksRecoveredOverRest(TruthLog truth, StoredWhales stored) {
        unseenBlocks.forEach((fault, unseen) -> {
            JsonNode block = truth.blocks.get(unseen.height());
            assertThat(block.path("trackers").asInt()).as("%s block %s reached no client", fault, block).isZero();
            Set<String> mined = truth.minedIn(unseen.height());
            assertThat(mined).as("the %s block mined the tracked whale %s (its truth: %s)", fault, unseen.whale(),
                    Fates.expected(truth, unseen.whale())).contains(unseen.whale());
            mined.retainAll(stored.rowsPerTxid.keySet());
            mined.forEach(txid -> assertThat(stored.outcomes.get(txid)).as("outcome of %s", txid)
                    .extracting(StoredWhales.Outcome::status, StoredWhales.Outcome::block)
                    .containsExactly("confirmed", unseen.height()));
            log.add(fault + ": " + mined.size() + " whale(s) mined unseen in block " + unseen.height() + ", confirmed via REST");
        });
    }

    private void assertGiantFrameDetected(TruthLog truth, StoredWhales stored) {
        List<String> giant = truth.largestAnnouncement();
        assertThat(giant).hasSizeGreaterThan(1_000);
        assertThat(stored.rowsPerTxid.keySet()).containsAll(giant);
        log.add("giant frame: " + giant.size() + " whales, all stored");
    }
}
