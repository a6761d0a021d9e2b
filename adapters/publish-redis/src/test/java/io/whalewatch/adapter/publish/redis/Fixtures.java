package io.whalewatch.adapter.publish.redis;

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
import io.whalewatch.domain.prediction.PredictionUpdate;
import io.whalewatch.testkit.Predictions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;

/** Predictions and updates with awkward values, on top of the testkit's ordinary ones. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private Fixtures() {
    }

    /** An outflow with change, two exchanges, every flag, nanosecond time and non-terminating fractions. */
    static Prediction awkward(long alertId) {
        TxId txid = Predictions.txid(alertId + 1_000_000);
        Satoshis total = Satoshis.of(Satoshis.MAX_SUPPLY - 7);
        Satoshis change = Satoshis.of(123_456_789);
        return new Prediction(PredictionId.forTransaction(txid), alertId, txid,
                new TransferAmount(total, total.minus(change), change),
                new FlowClassification(FlowType.OUTFLOW, List.of("Kraken", "Bitfinex", "Kraken"),
                        List.of("bc1qexampleaddressaaaaaaaaaaaaaaaaaaaaaaaa", "3ExampleQuote\"Back\\slash"), 1.0 / 3),
                FeeRate.of(0.1 + 0.2), UrgencyScore.of(2.0 / 3), false, T0.plusNanos(123_456_789),
                0, 0, EnumSet.allOf(SignalFlag.class), OptionalDouble.of(101_234.56789));
    }

    /** One update of each kind for a prediction. */
    static List<PredictionUpdate> everyUpdate(Prediction p) {
        return List.of(
                new PredictionUpdate(p, new Outcome.Confirmed(p.predictedHeight() + 2, T0.plusSeconds(600).plusNanos(5), 2)),
                new PredictionUpdate(p, new Outcome.Confirmed(p.predictedHeight() - 1, T0.plusSeconds(60), -1)),
                new PredictionUpdate(p, new Outcome.Replaced(Predictions.txid(999_999), T0.plusMillis(1))),
                new PredictionUpdate(p, new Outcome.Dropped(true, T0.plusSeconds(7200))),
                new PredictionUpdate(p, new Outcome.Dropped(false, T0.plusSeconds(90_000))),
                new PredictionUpdate(p, new Outcome.Pending()));
    }

    static PredictionUpdate confirmed(Prediction p) {
        return new PredictionUpdate(p, new Outcome.Confirmed(p.predictedHeight(), T0.plusSeconds(600 + p.alertId()), 0));
    }
}
