package io.whalewatch.domain.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.UrgencyScore;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionId;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Accuracy maths on a constructed history: what is resolved, window edges, minimum samples. */
class ResolvedOutcomesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final List<PredictionOutcome> history = new ArrayList<>();
    private int n;

    @Test
    void onlyConfirmedAndFinallyDroppedCountAndWindowsIncludeTheirStart() {
        confirmed(true, NOW.minus(Duration.ofHours(1)));                // exactly at the 1 h edge: in
        confirmed(false, NOW.minus(Duration.ofHours(1)).minusNanos(1000)); // a microsecond earlier: out of 1 h
        finalDrop(NOW.minus(Duration.ofMinutes(10)));
        other(new Outcome.Dropped(true, NOW), NOW);                      // provisional: not resolved
        other(new Outcome.Replaced(txid(99), NOW), NOW);                // awaiting its replacement
        confirmed(true, NOW.minus(Duration.ofHours(24)));               // 24 h edge
        confirmed(true, NOW.minus(Duration.ofDays(7)).plusSeconds(1));
        finalDrop(NOW.minus(Duration.ofDays(7)).minusSeconds(1));        // outside every window

        assertThat(count(AccuracyWindow.LAST_HOUR)).isEqualTo(new OutcomeCounts(2, 1, 1));
        assertThat(count(AccuracyWindow.LAST_DAY)).isEqualTo(new OutcomeCounts(4, 2, 1));
        assertThat(count(AccuracyWindow.LAST_WEEK)).isEqualTo(new OutcomeCounts(5, 3, 1));
    }

    @Test
    void ratesNeedTheMinimumSampleCount() {
        for (int i = 0; i < 7; i++) {
            confirmed(true, NOW);
        }
        confirmed(false, NOW);
        finalDrop(NOW);
        AccuracyReport nine = new AccuracyReport(AccuracyWindow.LAST_HOUR, count(AccuracyWindow.LAST_HOUR), 10);
        assertThat(nine.sufficient()).isFalse();
        assertThat(nine.accuracy()).isEmpty();
        assertThat(nine.falsePositiveRate()).isEmpty();
        finalDrop(NOW);
        AccuracyReport ten = new AccuracyReport(AccuracyWindow.LAST_HOUR, count(AccuracyWindow.LAST_HOUR), 10);
        assertThat(ten.accuracy()).hasValue(0.7);
        assertThat(ten.falsePositiveRate()).hasValue(0.2);
    }

    private OutcomeCounts count(AccuracyWindow w) {
        return ResolvedOutcomes.countSince(history, NOW.minus(w.length()));
    }

    private void confirmed(boolean accurate, Instant at) {
        history.add(new PredictionOutcome(prediction(), new Outcome.Confirmed(900_001, at, 0), Optional.of(accurate), at));
    }

    private void finalDrop(Instant at) {
        history.add(new PredictionOutcome(prediction(), new Outcome.Dropped(false, at), Optional.of(false), at));
    }

    private void other(Outcome o, Instant at) {
        history.add(new PredictionOutcome(prediction(), o, Optional.empty(), at));
    }

    private Prediction prediction() {
        TxId txid = txid(++n);
        return new Prediction(PredictionId.forTransaction(txid), n, txid, TransferAmount.allTransferred(Satoshis.ofBtc(200)),
                FlowClassification.unknown(), FeeRate.of(10), UrgencyScore.of(0.5), false, NOW.minus(Duration.ofDays(8)),
                900_000, 900_001, Set.of(), OptionalDouble.empty());
    }

    private static TxId txid(long v) {
        return TxId.of(String.format("%064x", v));
    }
}
