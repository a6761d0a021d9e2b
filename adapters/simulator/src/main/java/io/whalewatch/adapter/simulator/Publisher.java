package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.Projection;
import io.whalewatch.adapter.simulator.chain.SimBlock;
import io.whalewatch.adapter.simulator.chain.SimTx;
import io.whalewatch.adapter.simulator.server.Faults;
import io.whalewatch.adapter.simulator.server.Hub;
import io.whalewatch.adapter.simulator.server.Snapshot;
import io.whalewatch.adapter.simulator.wire.BlockJson;
import io.whalewatch.adapter.simulator.wire.DeltaJson;
import io.whalewatch.adapter.simulator.wire.Frames;
import io.whalewatch.adapter.simulator.wire.TxJson;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns engine events into frames (engine thread): serializes each piece once, keeps the
 * server-wide sequence, publishes the {@link Snapshot} for replies and REST, records frames.
 */
final class Publisher {
    private final SimulatorSettings settings;
    private final Hub hub;
    private final Faults faults;
    private final LineFile recorder;
    private final MarketView market;
    private long sequence;
    private volatile String lastFrame = "{}";
    private int lastTrackers;

    Publisher(SimulatorSettings settings, Hub hub, Faults faults, LineFile recorder) {
        this.settings = settings;
        this.hub = hub;
        this.faults = faults;
        this.recorder = recorder;
        this.market = new MarketView(settings);
    }

    /** A mempool update: stats, projected blocks and the delta with full transactions. */
    void tick(Delta d, Collection<SimTx> pending, long now) {
        market.added(d.added());
        Projection proj = Projection.of(pending);
        Map<String, String> json = new HashMap<>();
        for (SimTx tx : d.added()) {
            Projection.Position p = proj.position(tx.txid());
            json.put(tx.txid(), TxJson.mempool(tx, p.block(), p.vsize(), settings.prevoutNull()));
        }
        List<DeltaJson.Replaced> replaced = d.replaced().stream()
                .map(r -> new DeltaJson.Replaced(r.old(), r.by().txid(), json.get(r.by().txid()))).toList();
        long seq = nextSequence();
        Map<String, String> pieces = market(proj, pending, now, null, true);
        List<String> addedIds = d.added().stream().map(SimTx::txid).toList();
        pieces.put("mempool-txids", DeltaJson.txids(seq, addedIds, d.removed(), List.of(), replaced));
        pieces.put("mempool-transactions", DeltaJson.full(seq, addedIds.stream().map(json::get).toList(), d.removed(),
                List.of(), replaced));
        send(pieces);
    }

    /** A block frame: block, stats, projected blocks and {mined: all txids incl. coinbase}. */
    void block(SimBlock b, Replacement conflict, Collection<SimTx> pending, long now) {
        market.block(b);
        long seq = nextSequence();
        Map<String, String> pieces = market(Projection.of(pending), pending, now, BlockJson.of(b), false);
        List<DeltaJson.Replaced> replaced = conflict == null ? List.of() : List.of(new DeltaJson.Replaced(
                conflict.old(), conflict.by().txid(), TxJson.mempool(conflict.by(), 0, 0, settings.prevoutNull())));
        pieces.put("mempool-txids", DeltaJson.txids(seq, List.of(), List.of(), b.txids(), replaced));
        pieces.put("mempool-transactions", DeltaJson.full(seq, List.of(), List.of(), b.txids(), replaced));
        send(pieces);
    }

    /** Unsolicited messages every client gets (conversions, loadingIndicators). */
    void unsolicited(String key, String value) {
        if ("conversions".equals(key)) {
            market.conversions(value);
        }
        Map<String, String> pieces = new LinkedHashMap<>();
        pieces.put(key, value);
        send(pieces);
    }

    /** Builds the market pieces in the server's key order and refreshes the snapshot. */
    private Map<String, String> market(Projection proj, Collection<SimTx> pending, long now, String block,
                                       boolean withTransactions) {
        Snapshot s = market.refresh(proj, pending, now);
        Map<String, String> m = new LinkedHashMap<>();
        if (block != null) {
            m.put("block", block);
        }
        m.put("mempoolInfo", s.mempoolInfo());
        m.put("vBytesPerSecond", s.vBytesPerSecond());
        if (withTransactions) {
            m.put("transactions", s.transactions());
            m.put("da", s.da());
            m.put("fees", s.fees());
        } else {
            m.put("fees", s.fees());
            m.put("da", s.da());
        }
        m.put("mempool-blocks", s.mempoolBlocks());
        return m;
    }

    void refresh(Projection proj, Collection<SimTx> pending, long now) {
        market.refresh(proj, pending, now);
    }

    /** Seeds the chain with its history (no frame is sent for these). */
    void history(SimBlock b) {
        market.block(b);
    }

    private void send(Map<String, String> pieces) {
        Map<String, String> canonical = new LinkedHashMap<>(pieces);
        canonical.remove("mempool-txids");
        String frame = Frames.join(canonical);
        lastFrame = frame;
        recorder.write(frame);
        int trackers = hub.broadcast(pieces, canonical.keySet(), frame);
        if (pieces.containsKey("mempool-transactions")) {
            lastTrackers = trackers;
        }
    }

    /** How many mempool-tracking clients the last mempool frame was handed to (engine thread). */
    int lastTrackers() {
        return lastTrackers;
    }

    /** +1 per update and block, unless the sequence is frozen (out-of-sync mode). */
    private long nextSequence() {
        if (!faults.sequenceFrozen()) {
            sequence++;
        }
        return sequence;
    }

    long sequence() {
        return sequence;
    }

    void resetSequence() {
        sequence = 0;
    }

    void skip(int n) {
        sequence += n;
    }

    Snapshot snapshot() {
        return market.snapshot();
    }

    String lastFrame() {
        return lastFrame;
    }

    SimBlock tip() {
        return market.tip();
    }
}
