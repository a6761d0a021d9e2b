package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.FeeEstimate;
import io.whalewatch.adapter.simulator.chain.Projection;
import io.whalewatch.adapter.simulator.chain.SimBlock;
import io.whalewatch.adapter.simulator.chain.SimTx;
import io.whalewatch.adapter.simulator.server.Snapshot;
import io.whalewatch.adapter.simulator.wire.BlockJson;
import io.whalewatch.adapter.simulator.wire.StatsJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The recent chain and market statistics (written by the engine thread), published as an
 * immutable {@link Snapshot} for WebSocket replies and REST.
 */
final class MarketView {
    private final SimulatorSettings settings;
    private final ArrayDeque<SimBlock> recent = new ArrayDeque<>();
    private final ArrayDeque<SimTx> latest = new ArrayDeque<>();
    private double vBytesPerSecond;
    private String conversions = "{\"time\":0,\"USD\":-1,\"EUR\":-1,\"GBP\":-1,\"CAD\":-1,\"CHF\":-1,\"AUD\":-1,\"JPY\":-1}";
    private volatile Snapshot snapshot;

    MarketView(SimulatorSettings settings) {
        this.settings = settings;
    }

    /** Keeps the last 8 blocks (the "blocks" reply). */
    void block(SimBlock b) {
        recent.addLast(b);
        if (recent.size() > 8) {
            recent.removeFirst();
        }
    }

    /** Accounts newly announced transactions: incoming vB/s (smoothed) and the last 6 stripped. */
    void added(List<SimTx> added) {
        double vbytes = added.stream().mapToDouble(tx -> tx.weight() / 4.0).sum();
        vBytesPerSecond = 0.8 * vBytesPerSecond + 0.2 * vbytes / settings.tickSeconds();
        for (SimTx tx : added) {
            latest.addFirst(tx);
            if (latest.size() > 6) {
                latest.removeLast();
            }
        }
    }

    void conversions(String json) {
        conversions = json;
    }

    /** Recomputes every statistic from the pending transactions and publishes the snapshot. */
    Snapshot refresh(Projection proj, Collection<SimTx> pending, long now) {
        FeeEstimate fees = FeeEstimate.of(proj.blocks(), settings.feeLevel());
        long bytes = pending.stream().mapToLong(SimTx::size).sum();
        long totalFee = pending.stream().mapToLong(SimTx::fee).sum();
        SimBlock tip = recent.getLast();
        snapshot = new Snapshot(BlockJson.list(new ArrayList<>(recent)), StatsJson.mempoolBlocks(proj.blocks()),
                StatsJson.mempoolInfo(pending.size(), bytes, totalFee), Long.toString(Math.round(vBytesPerSecond)),
                StatsJson.transactions(new ArrayList<>(latest)), StatsJson.da(tip.height(), now),
                StatsJson.fees(fees, true), StatsJson.fees(fees, false), conversions,
                StatsJson.loadingIndicators(100), settings.prevoutNull() ? "none" : "esplora", tip.height(), tip.id());
        return snapshot;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    SimBlock tip() {
        return recent.getLast();
    }
}
