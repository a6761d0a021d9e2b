package io.whalewatch.adapter.simulator.chain;

import java.util.List;

/**
 * A mined block: header fields, the coinbase, all txids (coinbase first) and the statistics
 * {@code BlockExtended.extras} reports.
 */
public record SimBlock(String id, int height, long timestamp, long mediantime, long nonce, String merkleRoot,
                       String previousBlockHash, String header, Pool pool, SimTx coinbase, List<String> txids,
                       Stats stats) {
    public static final int VERSION = 0x20000000;
    public static final long BITS = 386_038_124L;
    public static final double DIFFICULTY = 113_757_508_810_854.0;
    public static final long SUBSIDY = 312_500_000L;

    public SimBlock {
        txids = List.copyOf(txids);
    }

    /** Aggregates over the block's transactions (coinbase included where the server includes it). */
    public record Stats(int txCount, long size, long weight, long totalFees, double medianFee, double[] feeRange,
                        int totalInputs, int totalOutputs, long totalOutputAmt, int segwitTxs, long segwitSize,
                        long segwitWeight) {
    }

    public Confirmation confirmation() {
        return new Confirmation(height, id, timestamp);
    }

    public long reward() {
        return SUBSIDY + stats.totalFees();
    }
}
