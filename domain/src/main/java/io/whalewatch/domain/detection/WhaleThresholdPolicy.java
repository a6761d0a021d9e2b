package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.Satoshis;

/**
 * Decides what is a whale. Since the transferred amount never exceeds the total output, a
 * transaction whose total output is below the minimum can be rejected while its outputs are
 * still being streamed, before it is materialised ({@link #isCandidate}).
 */
public final class WhaleThresholdPolicy {
    private final WhaleThreshold threshold;

    public WhaleThresholdPolicy(WhaleThreshold threshold) {
        this.threshold = threshold;
    }

    /** Cheap pre-filter on the streamed output sum. */
    public boolean isCandidate(Satoshis totalOutput) {
        return totalOutput.isAtLeast(threshold.minimum());
    }

    /** The rule itself, on the measured amount. */
    public boolean isWhale(TransferAmount amount) {
        Satoshis compared = threshold.basis() == WhaleThreshold.AmountBasis.TOTAL
                ? amount.totalOutput() : amount.transferred();
        return compared.isAtLeast(threshold.minimum());
    }

    public WhaleThreshold threshold() {
        return threshold;
    }
}
