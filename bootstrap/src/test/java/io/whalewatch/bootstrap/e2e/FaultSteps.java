package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

/**
 * The faults of {@link SourceFaultsEndToEndIT}, each injected at a frame boundary through the
 * simulator's admin API, each with its own immediate check on the detector's /health counters.
 */
final class FaultSteps {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final FaultRig rig;
    private final SimAdmin admin;
    private final List<String> log;

    FaultSteps(FaultRig rig, List<String> log) {
        this.rig = rig;
        this.admin = rig.admin;
        this.log = log;
    }

    /** Abrupt TCP close of the upstream connection: the detector reconnects. */
    void serverDisappears() throws Exception {
        FaultRig.Source before = rig.source();
        admin.afterTick();
        long t0 = System.nanoTime();
        admin.postOk("/sim/faults/drop-connections");
        awaitReconnect(before, "after drop-connections");
        log.add("drop-connections: reconnected in " + ms(t0) + " ms");
    }

    /** The sequence jumps by 5 (no frame lost): a gap is counted and the stream goes on. */
    void sequenceSkipped() throws Exception {
        FaultRig.Source before = rig.source();
        admin.postOk("/sim/faults/skip-sequence?n=5");
        FaultRig.Source after = rig.awaitSource(s -> s.gaps() == before.gaps() + 1, WAIT, "counted the skipped sequence");
        assertThat(after.reconnects()).isEqualTo(before.reconnects());
        log.add("skip-sequence: gaps " + before.gaps() + " -> " + after.gaps());
    }

    /** A block frame is lost without a disconnect (sent while stalled): a real gap, resynced over REST. */
    /** A block the detector never received, and the tracked whale it must have mined. */
    record UnseenBlock(long height, String whale) {
    }

    UnseenBlock gapHidingABlock() throws Exception {
        String whale = trackedWhale("inflow");
        FaultRig.Source before = rig.source();
        admin.postOk("/sim/faults/stall?seconds=30");
        long height = admin.postOk("/sim/block").path("height").asLong();
        admin.postOk("/sim/faults/clear");
        FaultRig.Source after = rig.awaitSource(s -> s.gaps() == before.gaps() + 1, WAIT, "saw the gap");
        assertThat(after.reconnects()).as("a gap, not a reconnect").isEqualTo(before.reconnects());
        return new UnseenBlock(height, whale);
    }

    /** Upstream restart (connections dropped, sequence back to 0) with a block mined before the detector is back. */
    UnseenBlock restartHidingABlock() throws Exception {
        String whale = trackedWhale("outflow");
        FaultRig.Source before = rig.source();
        admin.postOk("/sim/faults/restart");
        long height = admin.postOk("/sim/block").path("height").asLong();
        awaitReconnect(before, "after restart");
        assertThat(admin.state().path("sequence").asLong()).as("sequence restarted").isLessThan(10);
        return new UnseenBlock(height, whale);
    }

    /** Garbage, truncated and wrong-shape frames: each counted once as rejected, the connection kept. */
    void badFrames() throws Exception {
        for (String fault : List.of("garbage-frame", "truncated-frame", "wrong-shape-frame")) {
            FaultRig.Source before = rig.source();
            admin.postOk("/sim/faults/" + fault);
            FaultRig.Source after = rig.awaitSource(s -> s.rejected() == before.rejected() + 1, WAIT, "rejected the " + fault);
            admin.afterTick();
            assertThat(rig.source()).as("after " + fault).extracting(FaultRig.Source::rejected, FaultRig.Source::reconnects)
                    .containsExactly(after.rejected(), before.reconnects());
            log.add(fault + ": rejected " + before.rejected() + " -> " + after.rejected());
        }
    }

    /** The upstream goes silent (ignores pings too): the detector replaces the connection. */
    UnseenBlock stallHidingABlock() throws Exception {
        String whale = trackedWhale("internal");
        FaultRig.Source before = rig.source();
        long t0 = System.nanoTime();
        admin.postOk("/sim/faults/stall?seconds=60");
        long height = admin.postOk("/sim/block").path("height").asLong();
        admin.awaitState(s -> s.path("clients").asInt() == 0, WAIT, "the detector dropped the silent connection");
        long detected = ms(t0);
        admin.postOk("/sim/faults/clear"); // before the reconnect (>= 1 s later), which a stall would ignore
        awaitReconnect(before, "after the stall");
        log.add("stall: connection given up after " + detected + " ms, replaced after " + ms(t0) + " ms");
        return new UnseenBlock(height, whale);
    }

    /** 50,000 transactions in one frame. */
    void giantFrame() throws Exception {
        long t0 = System.nanoTime();
        long bytes = admin.postOk("/sim/faults/giant-frame?n=50000").path("bytes").asLong();
        long generated = ms(t0);
        TruthLog truth = TruthLog.read(rig.truth, TruthLog.lineCount(rig.truth));
        List<String> giant = truth.largestAnnouncement();
        try {
            rig.alerts.awaitAll(giant, Duration.ofSeconds(120));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + rig.serve.describe(), e);
        }
        log.add("giant frame: " + bytes + " bytes, " + giant.size() + " whales; generated in " + generated
                + " ms, all alerted after " + ms(t0) + " ms");
    }

    /**
     * Announces a whale, waits until the detector alerted it (so it is tracked), and returns its txid
     * right after a tick with the whale still pending, so the fault's block is sure to mine it.
     */
    private String trackedWhale(String flow) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String txid = admin.postOk("/sim/whale?flow=" + flow + "&btc=321").path("txid").asText();
            rig.alerts.awaitAll(List.of(txid), WAIT);
            admin.afterTick();
            if (admin.pending(txid)) {
                return txid;
            }
        }
        throw new AssertionError("scheduled blocks or replacements kept taking the injected whales first");
    }

    private void awaitReconnect(FaultRig.Source before, String what) throws Exception {
        rig.awaitSource(s -> s.connected() && s.reconnects() == before.reconnects() + 1, WAIT, "reconnected " + what);
        admin.afterTick();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
