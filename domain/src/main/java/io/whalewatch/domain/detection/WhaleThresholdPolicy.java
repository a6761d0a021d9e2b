package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.Satoshis;
import java.util.OptionalDouble;

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

    /** The BTC rule on the measured amount. */
    public boolean isWhale(TransferAmount amount) {
        return compared(amount).isAtLeast(threshold.minimum());
    }

    /** The BTC rule and, when configured and a price is known, the USD rule. */
    public boolean isWhale(TransferAmount amount, OptionalDouble usdPerBtc) {
        if (!isWhale(amount)) {
            return false;
        }
        if (threshold.minimumUsd().isEmpty() || usdPerBtc.isEmpty()) {
            return true;
        }
        return compared(amount).btc() * usdPerBtc.getAsDouble() >= threshold.minimumUsd().getAsDouble();
    }

    private Satoshis compared(TransferAmount amount) {
        return threshold.basis() == WhaleThreshold.AmountBasis.TOTAL ? amount.totalOutput() : amount.transferred();
    }

    public WhaleThreshold threshold() {
        return threshold;
    }
}
