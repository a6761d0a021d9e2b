package io.whalewatch.domain.fee;

import java.util.List;

/**
 * One projected block of the mempool ({@code mempool-blocks}): index 0 is the next block.
 *
 * @param feeRange fee-rate percentiles in sat/vB, lowest first (length varies upstream)
 */
public record ProjectedBlock(double medianFee, List<Double> feeRange, int transactionCount, double vsize) {
    public ProjectedBlock {
        feeRange = List.copyOf(feeRange);
        if (!Double.isFinite(medianFee) || medianFee < 0) {
            throw new IllegalArgumentException("medianFee must be finite and >= 0: " + medianFee);
        }
        for (Double f : feeRange) {
            if (!Double.isFinite(f) || f < 0) {
                throw new IllegalArgumentException("feeRange entries must be finite and >= 0");
            }
        }
    }

    /** The lowest fee rate that still made it into this projected block. */
    public double minimumFee() {
        return feeRange.isEmpty() ? medianFee : feeRange.get(0);
    }
}
