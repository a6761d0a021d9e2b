package io.whalewatch.testkit;

import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.UrgencyScore;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionId;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/** Ready-made predictions for adapter tests. */
public final class Predictions {
    private Predictions() {
    }

    /** A deterministic txid from a number: 64 hex digits. */
    public static TxId txid(long n) {
        return TxId.of(String.format("%064x", n));
    }

    /** An inflow of {@code btc} to Binance with alert id {@code alertId}. */
    public static Prediction inflow(long alertId, double btc) {
        TxId txid = txid(alertId);
        return new Prediction(PredictionId.forTransaction(txid), alertId, txid,
                TransferAmount.allTransferred(Satoshis.ofBtc(btc)),
                new FlowClassification(FlowType.INFLOW, List.of("Binance"), List.of("34xp4vRoCGJym3xR7yCVPFHoCNxv4Twseo"), 0.9),
                FeeRate.of(25.5), UrgencyScore.of(0.45), true, Instant.parse("2026-11-22T10:00:00Z").plusSeconds(alertId),
                890_000, 890_001, Set.of(), OptionalDouble.of(95_000.0));
    }

    /** An unknown-flow whale flagged as a consolidation, without a known price. */
    public static Prediction unknownConsolidation(long alertId, double btc) {
        TxId txid = txid(alertId);
        return new Prediction(PredictionId.forTransaction(txid), alertId, txid,
                TransferAmount.allTransferred(Satoshis.ofBtc(btc)), FlowClassification.unknown(),
                FeeRate.of(3.2), UrgencyScore.of(0.1), false, Instant.parse("2026-11-22T10:00:00Z").plusSeconds(alertId),
                890_000, 890_006, Set.of(SignalFlag.CONSOLIDATION), OptionalDouble.empty());
    }
}
