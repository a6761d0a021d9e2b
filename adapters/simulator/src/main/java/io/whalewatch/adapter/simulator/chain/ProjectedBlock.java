package io.whalewatch.adapter.simulator.chain;

/** One of the (up to 8) projected blocks of mempool-blocks; fee rates in sat/vB, fees in sats. */
public record ProjectedBlock(long blockSize, double blockVSize, int nTx, long totalFees, double medianFee,
                             double[] feeRange) {
}
