package io.whalewatch.domain.prediction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A prediction's recorded outcome.
 *
 * @param accurate   whether the prediction came true; empty while not final (pending, replaced
 *                   awaiting its replacement, provisional drop)
 * @param recordedAt when this outcome was determined
 */
public record PredictionOutcome(Prediction prediction, Outcome outcome, Optional<Boolean> accurate, Instant recordedAt) {
    public PredictionOutcome {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(accurate, "accurate");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
