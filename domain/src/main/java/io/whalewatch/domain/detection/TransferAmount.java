package io.whalewatch.domain.detection;

import io.whalewatch.domain.chain.Satoshis;
import java.util.Objects;

/**
 * How much a transaction moves.
 *
 * @param totalOutput sum of all outputs
 * @param transferred what actually changes hands: total output less the outputs identified as change
 * @param change      the outputs identified as change (paying back to the sender)
 */
public record TransferAmount(Satoshis totalOutput, Satoshis transferred, Satoshis change) {
    public TransferAmount {
        Objects.requireNonNull(totalOutput, "totalOutput");
        Objects.requireNonNull(transferred, "transferred");
        Objects.requireNonNull(change, "change");
        if (transferred.value() + change.value() != totalOutput.value()) {
            throw new IllegalArgumentException("transferred + change must equal total output");
        }
    }

    public static TransferAmount allTransferred(Satoshis total) {
        return new TransferAmount(total, total, Satoshis.ZERO);
    }
}
