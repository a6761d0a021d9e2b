package io.whalewatch.testkit.store;

import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.UrgencyScore;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionId;
import io.whalewatch.domain.prediction.PredictionOutcome;
import io.whalewatch.testkit.Predictions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Predictions and outcomes for store tests: every field set, awkward values included. */
public final class StoreFixtures {
    private StoreFixtures() {
    }

    /**
     * An outflow with change, several flags, a fractional fee rate, odd characters in the exchange
     * names and a price: every column of a stored prediction carries information.
     */
    public static Prediction richOutflow(long alertId, Instant detectedAt) {
        TxId txid = Predictions.txid(0xABC000L + alertId);
        TransferAmount amount = new TransferAmount(Satoshis.of(123_456_789_012L), Satoshis.of(100_000_000_001L),
                Satoshis.of(23_456_789_011L));
        FlowClassification flow = new FlowClassification(FlowType.OUTFLOW,
                List.of("Bit\"finex", "Kraken\\EU", "Zürich \u00e9 \t desk"),
                List.of("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"), 0.6180339887);
        return new Prediction(PredictionId.forTransaction(txid), alertId, txid, amount, flow, FeeRate.of(12.345678),
                UrgencyScore.of(0.987654321), true, detectedAt, 901_234, 901_236,
                Set.of(SignalFlag.COINJOIN_LIKE, SignalFlag.SELF_TRANSFER), OptionalDouble.of(101_234.56));
    }

    /** A plain inflow detected at {@code detectedAt}. */
    public static Prediction inflowAt(long alertId, Instant detectedAt) {
        Prediction p = Predictions.inflow(alertId, 150.0 + alertId);
        return new Prediction(p.id(), p.alertId(), p.txid(), p.amount(), p.flow(), p.feeRate(), p.urgency(),
                p.rbfSignalled(), detectedAt, p.tipHeight(), p.predictedHeight(), p.flags(), p.usdPerBtc());
    }

    /** Mined at {@code height}; accurate per the default one-block tolerance. */
    public static PredictionOutcome confirmed(Prediction p, int height, Instant at) {
        boolean accurate = height <= p.predictedHeight() + 1;
        return new PredictionOutcome(p, new Outcome.Confirmed(height, at, height - p.predictedHeight()),
                Optional.of(accurate), at);
    }

    /** Replaced by another transaction; not final until the replacement confirms. */
    public static PredictionOutcome replaced(Prediction p, TxId by, Instant at) {
        return new PredictionOutcome(p, new Outcome.Replaced(by, at), Optional.empty(), at);
    }

    /** A drop that may still be reversed (accuracy unknown). */
    public static PredictionOutcome provisionalDrop(Prediction p, Instant at) {
        return new PredictionOutcome(p, new Outcome.Dropped(true, at), Optional.empty(), at);
    }

    /** A final drop: inaccurate. */
    public static PredictionOutcome finalDrop(Prediction p, Instant at) {
        return new PredictionOutcome(p, new Outcome.Dropped(false, at), Optional.of(false), at);
    }
}
