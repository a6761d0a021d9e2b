package io.whalewatch.domain.prediction;

import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.UrgencyScore;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A whale signal and the prediction it makes: this transaction moves this much, in this
 * direction, with this urgency, and will confirm at this height.
 *
 * @param alertId         position in the alert stream, strictly increasing, assigned when accepted
 * @param rbfSignalled    BIP-125 signalling; informational (full-RBF is the network default)
 * @param tipHeight       the chain tip when the prediction was made
 * @param usdPerBtc       the BTC price in USD at detection, when known
 */
public record Prediction(
        PredictionId id,
        long alertId,
        TxId txid,
        TransferAmount amount,
        FlowClassification flow,
        FeeRate feeRate,
        UrgencyScore urgency,
        boolean rbfSignalled,
        Instant detectedAt,
        int tipHeight,
        int predictedHeight,
        Set<SignalFlag> flags,
        OptionalDouble usdPerBtc) {

    public Prediction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(feeRate, "feeRate");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(usdPerBtc, "usdPerBtc");
        flags = Set.copyOf(flags);
        if (alertId < 0) {
            throw new IllegalArgumentException("alertId must not be negative: " + alertId);
        }
        if (predictedHeight <= tipHeight && tipHeight > 0) {
            throw new IllegalArgumentException("predicted height must be above the tip");
        }
    }

    /** The same prediction placed at a position of the alert stream. */
    public Prediction withAlertId(long newAlertId) {
        return new Prediction(id, newAlertId, txid, amount, flow, feeRate, urgency, rbfSignalled,
                detectedAt, tipHeight, predictedHeight, flags, usdPerBtc);
    }

    /** The transferred value in USD, when the price is known. */
    public OptionalDouble usdValue() {
        return usdPerBtc.isPresent()
                ? OptionalDouble.of(amount.transferred().btc() * usdPerBtc.getAsDouble())
                : OptionalDouble.empty();
    }
}
