package io.whalewatch.domain.prediction;

import java.util.Objects;

/** A change in the fate of an alerted transaction, sent to subscribers as an alert update. */
public record PredictionUpdate(Prediction prediction, Outcome outcome) {
    public PredictionUpdate {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(outcome, "outcome");
    }
}
