package io.whalewatch.application.service;

import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionAccuracyPolicy;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds recorded outcomes. {@code recordedAt} is when the outcome was determined (the resolution
 * time accuracy windows count by); accuracy is known only for final outcomes: a confirmation is
 * judged against the original prediction's height (also when its replacement confirmed), a final
 * drop is inaccurate, everything else is not judged yet.
 */
final class Outcomes {
    private final PredictionAccuracyPolicy accuracy;

    Outcomes(PredictionAccuracyPolicy accuracy) {
        this.accuracy = accuracy;
    }

    PredictionOutcome confirmed(Prediction p, int height, Instant confirmedAt, Instant now) {
        Outcome.Confirmed c = new Outcome.Confirmed(height, confirmedAt, height - p.predictedHeight());
        return new PredictionOutcome(p, c, Optional.of(accuracy.isAccurate(p.predictedHeight(), height)), now);
    }

    PredictionOutcome replaced(Prediction p, TxId by, Instant now, OptionalDouble feeBump) {
        return new PredictionOutcome(p, new Outcome.Replaced(by, now, feeBump), Optional.empty(), now);
    }

    PredictionOutcome provisionalDrop(Prediction p, Instant now) {
        return new PredictionOutcome(p, new Outcome.Dropped(true, now), Optional.empty(), now);
    }

    PredictionOutcome finalDrop(Prediction p, Instant droppedAt, Instant now) {
        return new PredictionOutcome(p, new Outcome.Dropped(false, droppedAt), Optional.of(false), now);
    }
}
