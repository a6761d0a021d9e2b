package io.whalewatch.adapter.simulator.chain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mempool sorted by fee rate and cut into projected blocks of 1,000,000 vB (the eighth being
 * the "stack" of everything else), plus each transaction's projected position.
 */
public final class Projection {
    public static final double BLOCK_VSIZE = 1_000_000;
    public static final int BLOCKS = 8;
    /** Highest fee rate first; txid breaks ties so the order is deterministic. */
    public static final Comparator<SimTx> BY_RATE = Comparator.comparingDouble(SimTx::feePerVsize).reversed()
            .thenComparing(SimTx::txid);

    private final List<ProjectedBlock> blocks;
    private final Map<String, double[]> positions;

    /** Block index and vsize offset (middle of the tx) of a transaction. */
    public record Position(int block, double vsize) {
    }

    private Projection(List<ProjectedBlock> blocks, Map<String, double[]> positions) {
        this.blocks = blocks;
        this.positions = positions;
    }

    public static Projection of(Collection<SimTx> pending) {
        List<SimTx> sorted = new ArrayList<>(pending);
        sorted.sort(BY_RATE);
        List<ProjectedBlock> blocks = new ArrayList<>();
        Map<String, double[]> positions = new HashMap<>();
        List<SimTx> current = new ArrayList<>();
        double used = 0;
        for (SimTx tx : sorted) {
            double v = tx.weight() / 4.0;
            if (used + v > BLOCK_VSIZE && blocks.size() < BLOCKS - 1 && !current.isEmpty()) {
                blocks.add(summarize(current));
                current = new ArrayList<>();
                used = 0;
            }
            positions.put(tx.txid(), new double[] {blocks.size(), used + v / 2});
            current.add(tx);
            used += v;
        }
        if (!current.isEmpty()) {
            blocks.add(summarize(current));
        }
        return new Projection(List.copyOf(blocks), positions);
    }

    public List<ProjectedBlock> blocks() {
        return blocks;
    }

    public Position position(String txid) {
        double[] p = positions.get(txid);
        return p == null ? new Position(0, 0) : new Position((int) p[0], p[1]);
    }

    private static ProjectedBlock summarize(List<SimTx> txs) {
        long size = 0;
        long fees = 0;
        double vsize = 0;
        double[] rates = new double[txs.size()];
        for (int i = 0; i < txs.size(); i++) {
            SimTx tx = txs.get(i);
            size += tx.size();
            fees += tx.fee();
            vsize += tx.weight() / 4.0;
            rates[i] = tx.feePerVsize();
        }
        return new ProjectedBlock(size, vsize, txs.size(), fees, Percentiles.median(rates),
                Percentiles.feeRange(rates));
    }
}
